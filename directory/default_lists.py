"""The lists every council starts with (migration 0005), and the demo council restores."""

NEEDS = [
    # The Department for Education's SEN primary-need categories, as EHC plans use them.
    ("ASD", "Autism", True),
    ("SLCN", "Speech, language and communication needs", True),
    ("SEMH", "Social, emotional and mental health needs", True),
    ("MLD", "Moderate learning difficulty", True),
    ("SLD", "Severe learning difficulty", True),
    ("PMLD", "Profound and multiple learning difficulty", True),
    ("SpLD", "Specific learning difficulty, such as dyslexia", True),
    ("PD", "Physical disability", True),
    ("HI", "Hearing impairment", True),
    ("VI", "Vision impairment", True),
    ("MSI", "Multi-sensory impairment", True),
    # What families also search by.
    ("complex-health", "Complex health needs", False),
    ("behaviour", "Behaviours that challenge", False),
    ("sleep", "Sleep difficulties", False),
    ("wheelchair", "Wheelchair user", False),
]

KINDS = [
    ("after-school-club", "After-school club", "out_of_hours"),
    ("saturday-club", "Saturday and weekend club", "out_of_hours"),
    ("holiday-club", "Holiday club or play scheme", "out_of_hours"),
    ("youth-club", "Youth club", "out_of_hours"),
    ("sport", "Sport and swimming", "activities"),
    ("arts", "Arts, music and drama", "activities"),
    ("outdoor", "Outdoor activities", "activities"),
    ("whole-family", "Whole-family activities", "activities"),
    ("enabling", "Enabling and buddying", "activities"),
    ("personal-assistant", "Personal assistant", "daytime_care"),
    ("home-support", "Support and sitting at home", "daytime_care"),
    ("overnight-residential", "Overnight stays in a short-break home", "overnight_care"),
    ("overnight-family", "Overnight stays with a family", "overnight_care"),
    ("sleep-service", "Sleep service", "daytime_care"),
    ("parent-courses", "Courses for parents", "activities"),
]

FEATURES = [
    ("step-free", "Step-free access"),
    ("accessible-toilet", "Accessible toilet"),
    ("changing-places", "Changing Places toilet"),
    ("hoist", "Hoist"),
    ("sensory-room", "Sensory room"),
    ("quiet-space", "Quiet space"),
    ("hearing-loop", "Hearing loop"),
    ("parking", "Disabled parking"),
]

AGE_BANDS = [
    ("0-4", "Under 5", 0, 4),
    ("5-11", "5 to 11", 5, 11),
    ("12-16", "12 to 16", 12, 16),
    ("17-18", "17 to 18", 17, 18),
    ("19-25", "19 to 25", 19, 25),
]
