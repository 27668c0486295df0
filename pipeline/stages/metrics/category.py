"""The category of a figure: the first rule of the taxonomy (data/metric_categories.json) that
fits its action, object, kind and change: 破获案件760起 -> cases_solved."""

from __future__ import annotations


def read_category(lex, fields: dict, context: str, clause: int = 0) -> str:
    """Return the first taxonomy rule that fits; a figure without an object is tested on
    its clause (发动村干部参与巡逻，共5支: not 村干部), a share, sum or change then on its
    sentence (其中出口1827亿美元，增长20.9%)."""
    found = first_rule(lex, fields, context[clause:])
    if clause and found in ("other", "money_other") and not fields.get("object") and (
            fields.get("change_direction") or fields["quantity_kind"] in ("percent", "money")):
        found = first_rule(lex, fields, context)
    return found


def first_rule(lex, fields: dict, context: str) -> str:
    action = fields.get("action") or ""
    obj = fields.get("object") or context
    for rule in lex.categories:
        if "change" in rule and bool(fields.get("change_direction")) != rule["change"]:
            continue
        if "actions" in rule and not any(a in action for a in rule["actions"]) and not any(
                o in (fields.get("object") or "") for o in rule.get("or_objects", ())):
            continue
        if "objects" in rule and not any(o in obj for o in rule["objects"]):
            continue
        if "kinds" in rule and fields["quantity_kind"] not in rule["kinds"]:
            continue
        return rule["name"]
    return "other"


