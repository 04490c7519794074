"""The published figures the generator steers towards, and the lists it draws from.

Every share here is an approximation; generate_contacts.py's docstring says how each one was derived.
Outcome "rows" are the rows of the Hackney outcome table (spec section 3) that the generator aims at
when it builds a contact; the rules engine, not the generator, decides the real outcome.
"""

# Outcome rows the generator builds contacts for (spec section 3 numbering in the comment).
ROWS = (
    "info_open_case",   # 1  information request about a child with an open case
    "info_request",     # 2  information request
    "open_case",        # 3  concern about a child with an open case
    "level4",           # 4  progress_to_assessment / re_refer_to_unit (S47)
    "level3_consent",   # 5  consent_required at level 3
    "level3_sufficient",  # 6  progress_to_assessment / re_refer_to_unit (S17)
    "level3_screening",   # 7  csc_screening
    "level2_consent",   # 8  consent_required at level 2
    "level2_early_help",  # 9  early_help_screening
    "level1",           # 10 no_further_action
)
REFERRAL_ROWS = ("level4", "level3_sufficient", "level3_screening")
REREFERRAL_ROWS = ("level4", "level3_sufficient")

# Percent of contacts per row. Referral rows sum to the profile's referral rate.
PROFILES = {
    "hackney": {
        "annual_contacts": 12_300,
        "rows": (1.5, 3.5, 8.0, 12.0, 3.0, 7.0, 10.0, 7.0, 25.0, 23.0),  # referrals 29%
        "rereferral_share_of_referrals": 0.17,
        "id_prefix": "HK",
    },
    "england": {
        "annual_contacts": 3_000_000,
        "rows": (1.5, 3.5, 9.0, 8.0, 3.0, 5.0, 8.2, 8.0, 25.8, 28.0),  # referrals 21.2% = 636k/3M
        "rereferral_share_of_referrals": 0.22,
        "id_prefix": "EN",
    },
}


def rereferral_probability(profile):
    """Chance that a row-4 or row-6 contact is built as a re-referral, so that re-referrals make up
    the profile's share of all referral outcomes (csc_screening is never a re-referral)."""
    shares = dict(zip(ROWS, profile["rows"]))
    referrals = sum(shares[r] for r in REFERRAL_ROWS)
    eligible = sum(shares[r] for r in REREFERRAL_ROWS)
    return profile["rereferral_share_of_referrals"] * referrals / eligible


# Referral sources (children-in-need census codes), percent. Group shares follow the England CIN
# census (police ~28%, schools ~21% of referrals); the split inside a group is a guess.
REFERRAL_SOURCES = {
    "6": 28.0, "2A": 18.0, "2B": 3.0,
    "3A": 3.0, "3B": 3.0, "3C": 1.0, "3D": 2.0, "3E": 4.0, "3F": 3.0,
    "5A": 4.0, "5B": 3.5, "5C": 3.5, "5D": 3.0,
    "1A": 4.5, "1B": 1.0, "1C": 1.5, "1D": 1.0,
    "4": 2.0, "7": 3.0, "8": 4.0, "9": 1.5, "10": 2.5,
}
# Contacts that do not become referrals: more police notifications (most go no further).
OTHER_SOURCES = {
    "6": 33.0, "2A": 16.0, "2B": 3.0,
    "3A": 3.0, "3B": 3.0, "3C": 1.0, "3D": 2.0, "3E": 3.0, "3F": 3.0,
    "5A": 3.0, "5B": 3.0, "5C": 2.5, "5D": 2.5,
    "1A": 5.0, "1B": 1.5, "1C": 1.5, "1D": 1.0,
    "4": 3.0, "7": 2.0, "8": 4.0, "9": 2.0, "10": 2.0,
}
ORGANISATIONS = {
    "6": "Metropolitan Police Service, Central East BCU", "2A": "Primary school", "2B": "Further education college",
    "3A": "GP practice", "3B": "Health visiting team", "3C": "School nursing", "3E": "Homerton Hospital ED",
    "4": "Housing needs", "5C": "Another local authority", "5D": "Early help hub", "7": "Probation service",
}
CHANNELS_BY_SOURCE = {
    "6": (("police_notification", 75), ("phone", 15), ("email", 10)),
    "individual": (("phone", 50), ("walk_in", 15), ("form", 20), ("email", 15)),
    "9": (("phone", 80), ("form", 20)),
    "other": (("phone", 34), ("form", 34), ("email", 27), ("walk_in", 5)),
}

# Indicators by level (indicators.md).
LEVEL4 = ("suspected_non_accidental_injury disclosure_of_abuse sexual_abuse_concern fgm_risk "
          "forced_marriage_risk trafficking_concern child_sexual_exploitation child_criminal_exploitation "
          "no_carer_abandoned domestic_abuse_marac unborn_high_risk risk_person_in_household "
          "severe_neglect_harm").split()
LEVEL3 = ("persistent_absence_or_exclusion untreated_chronic_health pregnant_under_18 regular_substance_misuse "
          "specialist_mental_health_need domestic_abuse_history privately_fostered parent_in_prison "
          "young_carer_impacting_education repeat_missing_episodes radicalisation_risk "
          "parental_mental_health_impacting_care parental_substance_misuse_impacting_care homeless_family").split()
LEVEL2 = ("attendance_below_90 missed_health_appointments not_brought_to_appointments early_antisocial_behaviour "
          "low_level_emotional_wellbeing young_carer poor_housing low_income_hardship parenting_support_need "
          "speech_language_delay bullying family_conflict").split()
FACTORS = ("1A 1B 1C 2A 2B 2C 3A 3B 3C 4A 4B 4C 5A 5B 5C 6A 6B 6C 7A 8B 8C 8D 8E 8F 9A 10A 11A 12A 13A "
           "14A 15A 16A 17A 18B 18C 19B 19C 20 21 22A 23A 24A").split()
UNITS = tuple(f"Unit {n:02d}" for n in range(1, 31)) + (
    "Disabled Children's Service", "Family Intervention and Support Service", "Leaving Care", "Youth Justice")
AGENCIES = ("police", "health", "education", "probation", "housing", "gp", "camhs", "early_help", "asylum_team")
# Ages 0-17 at contact, percent (children-in-need age profile, roughly: more teenagers).
AGE_WEIGHTS = (8, 5, 5, 5, 5, 5, 5, 5, 5, 5, 6, 6, 7, 7, 7, 6, 5, 3)

# Hour-of-day weights (local time). Working days: about 83% in office hours 09:00-17:00.
WORKING_DAY_HOURS = (0.3, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 1.0, 2.5, 9, 11, 11, 9, 9, 10, 10, 8,
                     3, 2, 1.5, 1.2, 1.0, 0.8, 0.5)
CLOSED_DAY_HOURS = (0.6, 0.5, 0.4, 0.3, 0.3, 0.3, 0.4, 0.6, 1, 1.5, 2, 2, 2, 2, 2, 2, 2,
                    1.8, 1.6, 1.4, 1.2, 1.0, 0.9, 0.7)
# Contacts on a weekend day or bank holiday, relative to a working day.
CLOSED_DAY_RATE = 0.12
