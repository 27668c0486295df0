"""The entity rules, compiled once from the word lists in ``pipeline/data``.

``Rules`` joins the rule families, one module each (open the one for the label to change):

- ``rules_org``: ORG grammar place + organ (+ sub-units), central organs, companies;
- ``rules_place``: gazetteer divisions (GPE) and LOCs, towns, zones, place + site word;
- ``rules_sites``: roads, squares and named sites (瓦窑西路一巷, 东门广场);
- ``rules_water``: rivers, ports, sections of rivers and highways (长江南通段);
- ``rules_abbreviation``: one-character places and borders (中美两国, 访华, 中老边境);
- ``rules_river_parts``: a river's section named by its county alone (于都段);
- ``rules_roads``: highways, kilometre marks, road sections, named areas of known waters;
- ``rules_foreign``: towns and cities of other countries, compounds named there;
- ``rules_units``: districts and counties listed before their level word (历下、市中三区);
- ``rules_money``: currencies named after a place (澳门元): no GPE inside;
- ``rules_person``: anonymised people, names after a title, title chains;
- ``rules_law``: LAW titles in 《》 and CRIME offence names;
- ``rules_date``: DATE (the grammar itself is ``pipeline.dates``).

Rules run per sentence with regular expressions compiled from the lists (tries, not
alternations over thousands of words), never per token over big lists. The families share
one gazetteer scan per sentence (``scan_places``) and ``proper_name``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ...lexicon import DATA_DIR
from ...places import Gazetteer, shared_gazetteer
from .candidate import Candidate, token_bounds
from .rules_date import DateRules
from .rules_law import LawRules
from .rules_org import OrgRules
from .rules_person import PersonRules
from .rules_foreign import ForeignRules
from .rules_money import MoneyRules
from .rules_place import PlaceRules
from .rules_sites import SiteRules
from .rules_water import WaterRules
from .rules_abbreviation import AbbreviationRules
from .rules_river_parts import RiverPartRules
from .rules_roads import RoadRules
from .rules_units import UnitRules


class Rules(OrgRules, PlaceRules, SiteRules, WaterRules, AbbreviationRules, RoadRules, RiverPartRules,
            ForeignRules, UnitRules, MoneyRules, PersonRules, LawRules, DateRules):
    """The compiled rules, built once from the data files."""

    def __init__(self, data_dir: Path = DATA_DIR):
        data_dir = Path(data_dir)
        self.gaz = shared_gazetteer() if data_dir == Path(DATA_DIR) else Gazetteer(data_dir)
        self._compile_person(data_dir)
        self._compile_places(data_dir)
        self._compile_sites(data_dir)
        self._compile_abbreviations(data_dir)
        self._compile_roads(data_dir)
        self._compile_foreign(data_dir)
        self._compile_units(data_dir)
        self._compile_money(data_dir)
        self._compile_org(data_dir)
        self._compile_law(data_dir)
        self._compile_dates(data_dir)

    def candidates(self, text: str, tokens: list[tuple[int, int]] | None, published: date | None,
                   known_counties: set[str], context: set[str] = frozenset(),
                   places: list[tuple[int, int]] | None = None,
                   bounds: set[int] | None = None) -> list[Candidate]:
        """Return every rule candidate in one sentence (sentence-relative offsets).

        ``tokens`` are the sentence's words (None: no word boundaries to rely on);
        ``known_counties`` and ``context`` come from ``Gazetteer.document_places``;
        ``places`` (``scan_places``) and ``bounds`` (``token_bounds(tokens)``) may be passed
        when the caller has them already.
        """
        if bounds is None:
            bounds = token_bounds(tokens)
        if places is None:
            places = self.scan_places(text, bounds)
        out: list[Candidate] = []
        out += self.org_candidates(text, bounds, places)
        out += self.law_candidates(text)
        out += self.crime_candidates(text)
        out += self.date_candidates(text, published)
        out += self.person_candidates(text, tokens)
        out += self.gpe_candidates(text, known_counties, bounds, context, places)
        out += self.loc_candidates(text, tokens)
        out += self.water_candidates(text, tokens)
        out += self.river_word_candidates(text, tokens)
        out += self.section_candidates(text, tokens, places)
        out += self.bare_section_candidates(text)
        out += self.named_area_candidates(text)
        out += self.foreign_candidates(text, bounds)
        out += self.abbreviation_candidates(text, tokens)
        if "、" in text:
            out += self.listed_town_candidates(text, bounds)
            out += self.listed_water_candidates(text, tokens)
            out += self.water_list_candidates(text, tokens)
            out += self.listed_district_candidates(text)
            out += self.listed_site_candidates(text, bounds)
        return out
