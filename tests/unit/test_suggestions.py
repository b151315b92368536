"""Theme suggestions: the sentence that triggered each, and quality on the demo reviews."""

from __future__ import annotations

import sys
from pathlib import Path

from reviewtool.domain.suggestions import SuggestionContext, measure, sentences, suggest

INDICATORS = {
    "parent.domestic_abuse": ["domestic abuse", "coercive control"],
    "child.harm.neglect": ["neglect", "malnutrition"],
    "practice.engaging_fathers": ["father"],
}


def test_each_code_once_with_its_first_sentence() -> None:
    texts = [
        (
            "summary",
            "The baby was seen twice. Police knew of domestic abuse in the home! "
            "Later there was more Domestic Abuse.",
        ),
        ("learning", "Neglected children need a whole-history view.\nFathers were not asked."),
    ]
    found = {s.code: s for s in suggest(texts, INDICATORS)}
    assert found["parent.domestic_abuse"].sentence == "Police knew of domestic abuse in the home!"
    assert found["parent.domestic_abuse"].where == "summary"
    assert found["child.harm.neglect"].sentence == "Neglected children need a whole-history view."
    assert found["practice.engaging_fathers"].phrase == "father"


def test_phrases_start_at_a_word_and_tagged_codes_are_skipped() -> None:
    texts = [("summary", "The stepfather and the godfather visited.")]
    assert suggest(texts, INDICATORS) == []  # "father" inside a word is not a match
    texts = [("summary", "Father and mother; malnutrition.")]
    codes = {s.code for s in suggest(texts, INDICATORS, already={"child.harm.neglect"})}
    assert codes == {"practice.engaging_fathers"}


def test_sentences() -> None:
    assert sentences("One. Two? Three!\nFour") == ["One.", "Two?", "Three!", "Four"]


def test_measure() -> None:
    quality = measure([({"a", "b"}, {"a"}), ({"c"}, {"c", "d"})])
    assert (quality.suggested, quality.correct, quality.tagged) == (3, 2, 3)
    assert round(quality.precision, 2) == 0.67 and round(quality.recall, 2) == 0.67


def _codes(text: str, indicators: dict[str, list[str]], age: int | None = None) -> set[str]:
    context = SuggestionContext(child_age_months=age)
    return {s.code for s in suggest([("summary", text)], indicators, set(), context)}


def test_words_match_in_any_order_and_any_form_within_a_sentence() -> None:
    indicators = {"practice.risk_assessment": ["risk assessment"]}
    assert _codes("The assessment of risk was weak.", indicators)
    assert _codes("Risks were assessed late.", {"practice.risk_assessment": ["assess risk"]})
    assert not _codes("The risk was high. An assessment was done.", indicators)
    suicide = {"child.death.suicide": ["take own life"]}
    assert _codes("He was found after taking his own life.", suicide)
    physical = {"child.harm.physical": ["non-accidental injur"]}
    assert _codes("Non Accidental Injury was suspected.", physical)


def test_negated_family_codes_are_not_proposed_but_practice_gaps_are() -> None:
    indicators = {"parent.alcohol_misuse": ["alcohol"], "practice.cp_processes": ["strategy"]}
    assert not _codes("There was no evidence of alcohol misuse.", indicators)
    assert _codes("Alcohol use was not assessed.", indicators) == {"parent.alcohol_misuse"}
    assert _codes("No strategy discussion was held.", indicators) == {"practice.cp_processes"}
    # A clause break ends the negation's reach.
    assert _codes("No drugs were found, but alcohol was.", indicators) == {"parent.alcohol_misuse"}


def test_the_actor_steers_parent_and_child_codes() -> None:
    indicators = {
        "child.death.suicide": ["suicide"],
        "parent.mental_health": ["mental health", "parent: self-harm"],
        "child.mental_health_self_harm": ["self-harm"],
    }
    assert _codes("Her mother's suicide attempt followed.", indicators) == set()
    assert _codes("The mother had a history of self-harm.", indicators) == {"parent.mental_health"}
    assert _codes("The child's mental health declined.", indicators) == set()
    assert _codes("The boy began to self-harm.", indicators) == {"child.mental_health_self_harm"}


def test_a_pronoun_stands_for_the_person_of_its_gender() -> None:
    indicators = {
        "parent.mental_health": ["parent: depressed"],
        "child.mental_health_self_harm": ["child: depressed", "self-harm"],
    }
    # "she" is not the father: she is the one whose father it is, a child.
    assert _codes("Her father noticed that she seemed depressed.", indicators) == {
        "child.mental_health_self_harm"
    }
    assert _codes("The mother said that she felt depressed.", indicators) == {
        "parent.mental_health"
    }
    assert _codes("The girl told her father that she felt depressed.", indicators) == {
        "child.mental_health_self_harm"
    }
    # A pronoun whose person is not named leaves who it is unknown: no one-person phrase.
    assert _codes("The father was told that she was depressed.", indicators) == set()
    assert _codes("The father said he had begun to self-harm.", indicators) == set()
    offending = {"parent.criminality_violence": ["offending"]}
    assert _codes("The boy was referred to youth offending services.", offending) == set()
    assert _codes("The father had a history of offending.", offending) == offending.keys()


def test_a_pronoun_follows_the_person_of_the_sentences_before() -> None:
    indicators = {
        "parent.mental_health": ["depression", "parent: self-harm"],
        "child.mental_health_self_harm": ["self-harm"],
        "child.missing": ["missing"],
        "parent.alcohol_misuse": ["alcohol misuse"],
    }
    text = "The mother had a history of depression. She had self-harmed."
    assert _codes(text, indicators) == {"parent.mental_health"}
    text = "Rachel lives with her father and brother. She began to self-harm."
    assert _codes(text, indicators) == {"child.mental_health_self_harm"}
    assert _codes("Amira was exploited by adult men. She went missing.", indicators) == {
        "child.missing"
    }
    # What a child saw is someone else's.
    assert _codes("The boy lived with his parents. He witnessed alcohol misuse.", indicators) == {
        "parent.alcohol_misuse"
    }


def test_good_practice_codes_only_from_good_practice_text() -> None:
    indicators = {"good.early_recognition": ["recognised"]}
    assert not _codes("The risk should have been recognised sooner.", indicators)
    assert _codes("Good practice: the nursery recognised the bruise at once.", indicators)
    texts = [("good practice", "The health visitor recognised the signs.")]
    assert suggest(texts, indicators)


def test_age_bound_codes_follow_the_childs_age() -> None:
    indicators = {
        "child.harm.physical": ["bruis"],
        "child.non_mobile_injury": ["bruise to"],
        "child.death.sudi": ["co-sleeping"],
    }
    text = "A bruise to the ear was seen."
    assert "child.non_mobile_injury" not in _codes(text, indicators, age=24)
    assert "child.non_mobile_injury" in _codes(text, indicators, age=3)
    # Implied: an injured baby of 10 weeks, the age read from the text.
    implied = _codes("A 10-week-old baby had bruising to the face.", indicators)
    assert implied == {"child.harm.physical", "child.non_mobile_injury"}
    assert not _codes("A 3-year-old died while co-sleeping.", indicators)


def test_exclusion_lines_keep_a_code_away() -> None:
    indicators = {"practice.risk_assessment": ["risk assessment", "-risk assessment conference"]}
    assert not _codes(
        "She was referred to the multi-agency risk assessment conference.", indicators
    )
    exploitation = {
        "child.harm.criminal_exploitation": ["criminal exploitation", "exploitation", "-cse"]
    }
    assert not _codes("CSE and exploitation by older men.", exploitation)
    # A phrase of several words away from the excluded words still counts.
    assert _codes("Links between CSE and other criminal exploitation.", exploitation)


def test_a_code_that_is_part_of_another_is_implied() -> None:
    indicators = {
        "child.harm.abusive_head_trauma": ["shaken"],
        "child.harm.physical": ["fracture"],
    }
    assert _codes("She was shaken by her father.", indicators, age=14) == {
        "child.harm.abusive_head_trauma",
        "child.harm.physical",
    }


def test_a_topic_line_counts_only_where_the_sentence_names_a_shortfall() -> None:
    indicators = {
        "practice.information_sharing": ["~communication", "-communication needs"],
        "practice.risk_assessment": ["~assessment"],
    }
    assert _codes("There was a lack of communication between midwives and GPs.", indicators) == {
        "practice.information_sharing"
    }
    assert _codes("Learning: assessments must consider the whole household.", indicators) == {
        "practice.risk_assessment"
    }
    # The same words as plain facts, or as good practice, propose nothing.
    assert not _codes("The midwife and the GP kept up good communication.", indicators)
    assert not _codes("An assessment was completed in March.", indicators)
    texts = [("good practice", "The assessment should be a model for others.")]
    assert not suggest(texts, indicators)
    # The shortfall must be near the topic, and exclusions still apply.
    far = (
        "An assessment was completed in March by the team in the north of the county "
        "who did not visit."
    )
    assert not _codes(far, indicators)
    assert not _codes("His complex communication needs were not understood.", indicators)


def test_a_topic_is_not_its_own_shortfall() -> None:
    indicators = {
        "practice.domestic_abuse_response": ["~domestic abuse aware"],
        "practice.risk_assessment": ["~risk"],
    }
    # "awareness" is both the topic's word and a learning word: it cannot cue itself.
    assert not _codes("Guidance raises public awareness of domestic abuse.", indicators)
    assert _codes("Health visitors were not aware of the domestic abuse.", indicators)
    # "not only" does not say that something was missing.
    assert not _codes("Exclusion is a moment of risk, not only a disciplinary step.", indicators)
    assert _codes("The risk was not understood.", indicators)


def test_a_topic_line_can_be_about_a_parent_only() -> None:
    indicators = {"parent.disguised_compliance": ["~parent: co-operation"]}
    assert _codes("Staff took the mother's co-operation at face value.", indicators)
    assert _codes("There was a falsely optimistic view of the parents' co-operation.", indicators)
    # Co-operation between agencies is not the family's, and plain co-operation is no gap.
    assert not _codes("Co-operation between the agencies was poor.", indicators)
    assert not _codes("The mother's co-operation was recorded at each visit.", indicators)


def test_what_a_parent_did_is_not_a_practice_topic() -> None:
    indicators = {"practice.engaging_fathers": ["~father engage", "~father assess"]}
    assert not _codes("Core group meetings lapsed and the father did not engage.", indicators)
    assert not _codes("The father refused to engage with the plan.", indicators)
    assert _codes("Professionals did not engage the father.", indicators)
    assert _codes("The father was not assessed before the baby came home.", indicators)


def test_an_ing_or_ed_phrase_word_does_not_stand_for_its_bare_word() -> None:
    indicators = {
        "practice.workload_capacity": ["staffing"],
        "parent.separation_conflict": ["separated"],
        "parent.alcohol_misuse": ["drinking"],
    }
    assert not _codes("Staff believed the mother.", indicators)
    assert not _codes("The case went to a separate team.", indicators)
    assert _codes("Staffing was short all year.", indicators) == {"practice.workload_capacity"}
    assert _codes("The parents were separating.", indicators) == {"parent.separation_conflict"}
    assert _codes("The mother drank heavily.", indicators) == {"parent.alcohol_misuse"}


def test_abusive_head_trauma_is_a_young_childs_injury() -> None:
    indicators = {"child.harm.abusive_head_trauma": ["brain injur"]}
    assert _codes("She died of a brain injury.", indicators, age=3)
    assert not _codes("She died of a brain injury.", indicators, age=84)
    assert _codes("She died of a brain injury.", indicators)  # age unknown


def test_a_parent_of_teenage_years_is_a_young_parent() -> None:
    indicators = {"parent.young_parent": ["young mother"], "child.death.sudi": ["died"]}
    assert "parent.young_parent" in _codes("Both parents were 19 when she was born.", indicators)
    assert "parent.young_parent" in _codes("Her mother had just turned 18.", indicators)
    assert "parent.young_parent" in _codes("An 18-year-old mother cared for him.", indicators)
    assert not _codes("The baby was 19 months old and her mother 25.", indicators)
    assert not _codes("The mother, aged 32, had 17 contacts with services.", indicators)
    assert not _codes("The mother was 19 weeks pregnant.", indicators)
    assert not _codes(
        "Both parents were 19.", {"child.death.sudi": ["died"]}
    )  # not in the codebook


def test_a_recommendation_is_not_good_practice() -> None:
    indicators = {"good.joint_working": ["worked together"]}
    assert not _codes("Recommendations: agencies worked together too little.", indicators)
    assert not _codes("Recommendations cover how agencies worked together.", indicators)
    assert _codes("The review commends how agencies worked together.", indicators)


def test_a_harm_named_as_what_practice_is_about_is_not_the_familys() -> None:
    indicators = {"parent.domestic_abuse": ["domestic abuse"], "child.harm.neglect": ["neglect"]}
    assert not _codes("Recommendations: public awareness of domestic abuse.", indicators)
    assert not _codes(
        "Maternity services should check routine enquiry about domestic abuse.", indicators
    )
    assert not _codes("Schools asked for training on neglect.", indicators)
    assert _codes("The mother had suffered domestic abuse for years.", indicators)
    assert _codes("The response was slow, and the neglect went on.", indicators)
    # Practice codes name such themes: the rule is for the family's codes only.
    practice = {"practice.domestic_abuse_response": ["response to domestic"]}
    assert _codes("The response to domestic abuse was poor.", practice)


def test_a_sentence_that_opens_as_learning_names_practice_topics_throughout() -> None:
    indicators = {"practice.cp_processes": ["~threshold"]}
    opening = "The review covers how agencies worked with the family, how the school saw him, "
    assert _codes(opening + "and how thresholds were applied.", indicators)
    assert _codes(
        "Learning themes: listening to children, families who move, thresholds.", indicators
    )
    # The same far from any learning word, or after "Learning disabilities", is a plain fact.
    plain = "The social worker, who visited the family at home each week, applied thresholds."
    assert not _codes(plain, indicators)
    far = "Learning disabilities, which the family had spoken of often at home, shaped thresholds."
    assert not _codes(far, indicators)


def test_a_negation_in_a_phrase_keeps_its_place() -> None:
    indicators = {"practice.information_sharing": ["did not know", "not shared"]}
    assert _codes("The GP did not know of the injury.", indicators)
    assert _codes("The referral was not shared with the school.", indicators)
    assert not _codes("Staff knew of, but agencies did not consider it.", indicators)
    assert not _codes("The history had been shared but was not considered.", indicators)


def test_a_singular_phrase_finds_its_plural() -> None:
    indicators = {"practice.universal_services": ["gp", "~midwife"]}
    assert _codes("School staff and GPs drew over-simple conclusions.", indicators)
    assert _codes("Midwives did not ask about the father.", indicators)
    assert not _codes("The GPS tracker was found.", {"x.y": ["gpx"]})


def test_a_denied_finding_negates_to_the_end_of_its_clause() -> None:
    indicators = {"parent.mental_health": ["mental health"]}
    denied = "No concerns were identified about her physical or mental health."
    assert not _codes(denied, indicators)
    assert not _codes("There was no evidence at any time of the mother's mental health", indicators)
    # an ordinary "no" reaches only a few words; a new clause ends any negation
    assert _codes("No one asked her, for weeks, about her mental health.", indicators)
    assert _codes("There were no concerns at first, but her mental health declined.", indicators)


def test_child_protection_is_a_term_not_a_child() -> None:
    indicators = {"child.harm.emotional": ["emotional abuse"]}
    text = (
        "Both parents had troubled childhoods: the father had been on the child protection "
        "register for emotional abuse."
    )
    assert not _codes(text, indicators)  # the father's childhood, not this child's harm
    assert _codes("The child was on a child protection plan for emotional abuse.", indicators)


def test_quality_on_real_summaries_held_out_from_tuning() -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from suggestion_quality import demo_pairs, devset_pairs

    held_out = measure(devset_pairs("held_out"))
    assert held_out.precision >= 0.8 and held_out.recall >= 0.7
    # Both held-out sets (36 summaries): the topic lines traded precision for recall here
    # (0.83 / 0.69 before them, 0.79 / 0.72 with them); neither meets the target of recall
    # 0.70 at precision 0.80 on the second set alone.
    both = measure(devset_pairs("held_out", "held_out_2"))
    assert both.precision >= 0.78 and both.recall >= 0.7
    # The third set (31 summaries) was the plainest measure of unseen text until it was used
    # for tuning (0.70 / 0.66 before that, 0.77 / 0.77 after).
    third = measure(devset_pairs("held_out_3"))
    assert third.precision >= 0.72 and third.recall >= 0.72
    # The sixth and seventh sets (79 summaries by other coders, never used for tuning) are now
    # the plainest measure, and they stand below the target (0.71 / 0.61): this floor keeps
    # them from falling.
    unseen = measure(devset_pairs("held_out_6", "held_out_7"))
    assert unseen.precision >= 0.68 and unseen.recall >= 0.58
    demo = measure(demo_pairs())
    assert demo.precision >= 0.75 and demo.recall >= 0.6


def test_the_default_phrases_read_practice_gaps_not_plain_facts() -> None:
    from reviewtool.db.seed import builtin_codebook

    defaults = {e["code"]: list(e.get("indicators", [])) for e in builtin_codebook()}
    pathways = "practice.mental_health_pathways"
    assert pathways not in _codes("Mother was known to adult mental health services.", defaults)
    assert pathways in _codes(
        "There was no referral to specialist mental health services.", defaults
    )
    assert "practice.information_sharing" in _codes(
        "Information exchange with the hospital was not timely.", defaults
    )
    assert "parent.unsafe_sleep" in _codes("She took the baby into her bed.", defaults)
    assert "practice.engaging_fathers" not in _codes(
        "The child was abused by her male foster carer.", defaults
    )
    race = "practice.race_culture_identity"
    assert race not in _codes("The review found a local culture of low expectations.", defaults)
    assert race in _codes("The family's culture and faith were not considered.", defaults)
    assert "parent.criminality_violence" in _codes("The father was on probation.", defaults)
    cse = "child.harm.sexual_exploitation"
    assert cse not in _codes("He had been groomed by drug dealers for county lines.", defaults)
    assert cse in _codes("She had been groomed by older men.", defaults)
    universal = "practice.universal_services"
    assert universal not in _codes("The community midwife completed the assessment.", defaults)
    assert universal in _codes("The midwife was not told of the earlier injury.", defaults)


def test_an_organisation_named_for_children_is_not_a_child() -> None:
    indicators = {"parent.disguised_compliance": ["parent: did not attend"]}
    text = (
        "The mother was pregnant. The father had abused her, so the health visitor referred "
        "to children's services and made an appointment for her, which she did not attend."
    )
    assert _codes(text, indicators)  # "she" is the mother, not a child of "children's"


def test_a_move_to_a_named_place_is_a_family_new_to_the_area() -> None:
    indicators = {"parent.moved_areas": ["new to the area"], "parent.young_parent": ["teenage"]}
    assert "parent.moved_areas" in _codes("The baby moved to Reading in March 2009.", indicators)
    assert "parent.moved_areas" in _codes(
        "After moving from Birmingham, she lived alone.", indicators
    )
    assert not _codes("The family moved to a larger flat. He moved to the back room.", indicators)
    found = suggest([("summary", "Both parents were 19. They moved to Hull.")], indicators)
    assert {(s.code, s.sentence) for s in found} == {
        ("parent.young_parent", "Both parents were 19."),
        ("parent.moved_areas", "They moved to Hull."),
    }
