"""The attributes of a figure: an ordered list of small rules over one ``Clause``.

Each rule reads the clause (the sentence, the figure, the figures read before it, the pkuseg
words) and sets what it decides: first the action (``action.py``), then the change
(``change.py``), then the object (``object_rules.py``). Order matters: a later rule sees what
the earlier ones decided (an object rule may take the action's noun, or merge two verbs). To
add a rule, write a function ``rule(c: Clause) -> None`` with its Chinese example in its
docstring, in the module of what it decides, and put it in ``RULES`` where it belongs.
"""

from __future__ import annotations

from . import action, change, disposal, object_rules
from .words import Clause

RULES = [
    action.action_in_clause,
    action.action_of_listed_figure,
    action.action_of_bare_noun_list,
    object_rules.restated_sum,
    action.action_of_bracketed_figure,
    action.figure_names_kind,
    action.action_after_figure,
    action.action_of_previous_same_kind,
    action.action_of_subject_verb,
    action.action_of_relative_clause,
    action.action_after_phrase,
    action.action_of_cause,
    action.action_after_subject_figure,
    action.kind_after_qizhong,
    action.levels_are_not_acts,
    action.action_after_percent,
    change.change_of_figure,
    object_rules.object_in_clause,
    object_rules.object_of_relative_or_share,
    object_rules.object_located,
    object_rules.object_in_phrase,
    object_rules.object_of_light_verb,
    object_rules.object_noted_or_some_of_them,
    object_rules.object_of_level_start,
    object_rules.object_of_alternative,
    object_rules.object_of_clause_before_change,
    object_rules.object_of_change,
    object_rules.object_counted_again,
    object_rules.object_of_same_verb_earlier,
    object_rules.object_restated,
    object_rules.object_compared,
    object_rules.object_of_clause_before,
    object_rules.object_share_of_source,
    object_rules.object_relative_after,
    object_rules.object_of_following_act,
    object_rules.object_not_destination_or_act,
    object_rules.object_of_subject_verb,
    object_rules.object_tidied,
    object_rules.object_not_predicate,
    object_rules.object_named_kind,
    object_rules.object_not_distance_or_window,
    object_rules.one_act_of_two_verbs,
    object_rules.object_of_fixed_phrase,
    disposal.action_of_fronted_object,
]


def read_attributes(clause: Clause) -> dict:
    """Run every rule over ``clause``; return action, object, change_direction, change_basis."""
    for rule in RULES:
        rule(clause)
    return clause.fields()
