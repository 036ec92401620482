"""Mutation testing of the vocabulary: delete each entry of extract/vocab.py and tracker/tables.py
in turn, rebuild what is built from it, and run the template test of that entry
(tests/test_extract_vocabulary.py, tests/test_tracker_tables.py).

mutmut changes code inside functions only; the tables are data at module level, so this does for
them what mutmut does for the code. An entry whose deletion no test notices must be listed, with
the reason, in EQUIVALENT of the test file. Run by `make mutate`; exit code 1 when
an unexplained survivor is left.

    python tests/mutation/vocab_deletion.py [TABLE ...]
"""
import importlib
import os
import sys
from pathlib import Path

# Each deletion reloads the modules built from the tables; compiled modules (native/build.py)
# cannot be reloaded, so this runs the plain Python ones.
os.environ["EXTRACT_PURE"] = "1"

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

import extract  # noqa: E402
import extract.vocab as v  # noqa: E402
import extract.patterns, extract.numbers, extract.classify, extract.structure, extract.engine  # noqa: E401,E402
import test_extract_vocabulary as T  # noqa: E402
import test_tracker_tables as TT  # noqa: E402
import tracker.matching  # noqa: E402
import tracker.tables as tt  # noqa: E402

mods = [extract.patterns, extract.numbers, extract.classify, extract.structure, extract.engine]
orig = {name: getattr(v, name) for name, _, _ in T.TABLES}


def derived():
    """Tables vocab.py builds from others at import."""
    v.REGIONS = {**{c: c + "市" for c in v.CITIES}, **{c + "市": c + "市" for c in v.CITIES}}
TESTS = {
 "SCALES": [T.test_scale_words], "BARE_SCALES": [T.test_bare_scales_before_yuan],
 "BARE_OTHER_SCALES": [T.test_bare_scales_before_a_unit_of_measure], "CURRENCIES": [T.test_currencies],
 "MEASURE_WORDS": [T.test_measure_words], "FALSE_UNITS": [T.test_words_that_begin_with_a_unit_are_no_unit],
 "OTHER_UNITS": [T.test_other_units], "RATE_UNITS": [T.test_percent_point_and_multiple_units],
 "QUALIFIERS_BEFORE": [T.test_qualifiers_before], "QUALIFIERS_AFTER": [T.test_qualifiers_after],
 "QUALIFIERS_INFIX": [T.test_qualifiers_between_number_and_unit], "PER_AMOUNT_FOLLOWERS": [T.test_yuan_of_intensity_is_no_amount],
 "RANGE_SEPARATORS": [T.test_range_separators], "LIST_SEPARATORS": [T.test_list_separators],
 "DECREASE_WORDS": [T.test_decrease_words], "LEVEL_MARKERS": [T.test_a_level_reached_after_a_decrease_word_stays_positive],
 "PAGE_COUNTERS": [T.test_page_counters],
 "ORDINAL_PREFIXES": [lambda e: T.test_ordinal_prefixes({"第": "全省排名第4家。", "届": "十四届三中全会部署了12次专项行动，届12次会议。"}[e])],
 "DURATION_AFTER_GE": [T.test_durations_after_ge],
 "RANK_PREFIXES": [lambda e: [T.test_ranks(e, u) for u in ("名", "位", "强")]],
 "RANK_UNITS": [lambda e: [T.test_ranks(p, e) for p in T.RANK_PREFIXES]],
 "TARGET_CUES": [lambda e: (T.test_target_cues_that_state_a_horizon if e in T.HORIZON_CUES else T.test_target_cues)(e)],
 "ACTUAL_CUES": [T.test_actual_cues], "ACTUAL_OVERRIDES": [T.test_actual_overrides_of_a_target_cue],
 "ACTUAL_WEAK_CUES": [T.test_weak_actual_cues], "NOT_CUES": [T.test_words_that_are_not_cues],
 "PLAN_PERIODS": [T.test_plan_periods], "INDICATOR_HEADS": [T.test_indicator_heads_cut_a_long_phrase],
 "MONEY_SUBJECTS": [T.test_money_subjects],
 "CITIES": [lambda e: [T.test_region_names(e, f) for f in ("full", "short-subject")]],
 "REGION_SUBJECT_FOLLOWERS": [T.test_a_short_name_is_a_region_as_a_subject],
 "OWN_REGION_WORDS": [T.test_own_region_words],
 "MULTIPLE_OF_WORDS": [T.test_the_base_a_multiple_is_of_is_no_part_of_the_name],
 "UNIT_FACTORS": [T.test_percent_point_and_multiple_units],
 "PLAN_DOCUMENT_WORDS": [T.test_plan_documents],
 "WORK_PLAN_HEADING_WORDS": [T.test_headings_over_a_years_work],
 "WORK_REVIEW_WORDS": [T.test_a_report_on_a_years_work_is_no_plan],
 "EMPTY_NAMES": [T.test_words_that_alone_name_nothing],
 "COMPARED_WITH_WORDS": [T.test_a_comparison_with_a_wider_place_names_nothing],
 "REGION_NAME_PARTS": [T.test_a_short_name_inside_another_name_is_no_region],
 "VENUE_WORDS": [T.test_a_venue_is_no_region],
 "SHARE_WORDS": [T.test_share_words_before_a_slash_fraction],
 "COMPUTE_LETTER_UNITS": [T.test_computing_power_letters],
 "COMPUTE_WORDS": [lambda e: [T.test_computing_power_letters(u) for u in T.COMPUTE_LETTER_UNITS]],
 "CONVERSION_WORDS": [T.test_a_figure_restated_in_another_currency_measures_the_same],
 "SECTION_REVIEW_FOLLOWERS": [T.test_a_report_on_the_goals_opens_no_section],
 "BY_MEANS_WORDS": [T.test_a_measure_named_after_an_amount_it_ranks_by],
 "TABLE_TARGET_COLUMNS": [T.test_columns_of_goals_and_of_results],
 "TABLE_ACTUAL_COLUMNS": [T.test_columns_of_goals_and_of_results],
}


TRACKER_TESTS = {
    "PLACES": [lambda e: TT.test_places_are_known_by_their_full_name(e),
               lambda e: TT.PLACES[e] is None or TT.test_a_title_naming_a_place_inside_another_is_the_inner_places(e)],
    "OWN_PLACE_WORDS": [TT.test_own_place_words_speak_of_the_documents_place],
    "STOCK_WORDS": [TT.test_a_balance_at_a_part_year_date_is_its_level],
    "PROVINCES": [TT.test_provinces_by_their_full_and_short_names,
                  lambda e: e == "江苏省" or TT.test_another_provinces_figure_is_not_the_documents(e)],
    "PLACE_SUFFIXES": [lambda e: TT.test_short_names(TT.SUFFIXES[e], dict(TT.SHORT_NAMES)[TT.SUFFIXES[e]])],
    # deleting a group's first name renames the group: every name of it is tried
    "INDICATOR_SYNONYMS": [lambda e: [TT.test_indicator_synonyms(n, k) for n, k in TT.SYNONYM_CASES
                                      if k == dict(TT.SYNONYM_CASES)[e]]],
    "ABBREVIATIONS": [TT.test_abbreviations], "HEAD_MERGES": [TT.test_endings_that_say_the_same],
    "LEADING_WORDS": [TT.test_leading_words], "TRAILING_WORDS": [TT.test_trailing_words_between_a_name_and_its_figure],
    "RATE_SUFFIXES": [TT.test_rate_suffixes], "ANNUAL_REPORT_WORDS": [TT.test_annual_report_words],
    "PERIOD_WORDS": [TT.test_period_words_of_a_title],
}


def _without(table, entry):
    if isinstance(table, dict):
        return {k: x for k, x in table.items() if k != entry}
    if table and isinstance(table[0], tuple):          # groups of names (INDICATOR_SYNONYMS)
        return tuple(tuple(n for n in g if n != entry) for g in table if [n for n in g if n != entry])
    return tuple(x for x in table if x != entry)


def _entries(table):
    if isinstance(table, dict):
        return list(table)
    if table and isinstance(table[0], tuple):
        return [n for g in table for n in g]
    return list(table)


def _delete_each(label, module, names, tests, reload_mods, derive, equivalent, only):
    """Delete each entry of each table in `names` in turn; return (tried, survivors)."""
    survivors, tried = [], 0
    for name in names:
        if only and name not in only:
            continue
        table = getattr(module, name)
        for entry in _entries(table):
            setattr(module, name, _without(table, entry))
            derive()
            try:
                for m in reload_mods:
                    importlib.reload(m)
                killed = False
                for fn in tests[name]:
                    try:
                        fn(entry)
                    except Exception:          # an assertion, or the sentence no longer parses
                        killed = True
            finally:
                setattr(module, name, table)
                derive()
            tried += 1
            if not killed:
                survivors.append((name, entry))
    for m in reload_mods:
        importlib.reload(m)
    unexplained = [s for s in survivors if s not in equivalent]
    if tried:
        print(f"{label}: {tried} entries deleted one at a time, {tried - len(survivors)} noticed by a test "
              f"({(tried - len(survivors)) / tried:.1%}), {len(survivors) - len(unexplained)} equivalent, "
              f"{len(unexplained)} unexplained")
    for name, entry in survivors:
        why = equivalent.get((name, entry))
        print(f"    {name} {entry!r}  [{'equivalent: ' + why if why else 'SURVIVED'}]")
    return len(unexplained)


def main(only) -> int:
    bad = _delete_each("extract/vocab.py", v, [t[0] for t in T.TABLES], TESTS, mods, derived, T.EQUIVALENT, only)
    bad += _delete_each("tracker/tables.py", tt, [t[0] for t in TT.TABLES], TRACKER_TESTS, [tracker.matching],
                        lambda: None, TT.EQUIVALENT, only)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
