"""What South Wessex's fictional providers run: one entry per kind of break, each with variants.

Text uses {town} and {provider}. Sessions are (weekday, start, end, period); weekday 0 is Monday.
Scope is who can use a service: 'own' (the provider's locality), 'near' (and one neighbour) or
'all' (the whole council area).
"""

TERM, HOLIDAYS, ALL_YEAR = "term_time", "school_holidays", "all_year"

HOW_TO = {
    "targeted": "Call or email the provider to ask for a place. They will ask about your child "
    "and may visit you at home before your child starts.",
    "specialist": "Ask the Children with Disabilities team for an assessment. If a short break "
    "is agreed, your social worker will arrange it with the provider.",
    "universal": "Just come along, or book a place with the provider.",
}

CATALOGUE = {
    "after-school-club": [
        {
            "name": "{town} After-School Club",
            "summary": "A term-time club straight after school, with tea, games and a quiet room.",
            "description": "Children are collected from school or dropped off by parents, then "
            "have tea together and choose between games, crafts, the garden and the sensory "
            "room.\n\nStaff are trained in autism, communication aids and behaviour support, "
            "and work at a ratio of one worker to two or three children.",
            "ages": (5, 11),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "15:15", "17:45", TERM) for d in (0, 1, 3)],
            "cost": (9, "session", "Includes tea and transport from local schools."),
            "ratios": ("one_to_three", "one_to_two"),
            "care": ("personal_care",),
            "needs": ("ASD", "SLCN", "MLD", "SEMH"),
            "scope": "own",
        },
        {
            "name": "{town} Teen After-School Group",
            "summary": "After-school sessions for 11 to 18-year-olds: cooking, games, gaming and "
            "trips to the shops.",
            "description": "A relaxed after-school group for secondary-age young people. They "
            "plan the term's activities themselves, practise independence skills such as "
            "cooking and using money, and spend time with friends.\n\nThe group meets in a "
            "youth centre with its own accessible kitchen.",
            "ages": (11, 18),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "15:30", "18:00", TERM) for d in (1, 2)],
            "cost": (8, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("ASD", "MLD", "SEMH", "SpLD"),
            "scope": "own",
        },
    ],
    "saturday-club": [
        {
            "name": "{provider} Saturday Club",
            "summary": "Four hours of play, crafts and outings every Saturday morning, with "
            "one-to-one support where needed.",
            "description": "A Saturday club for children with a wide range of needs. Each week "
            "there is soft play, messy play, baking or a trip out, and a calm space for "
            "children who need a break.\n\nThe club can support children who use wheelchairs, "
            "need personal care or give staff a lot to think about. Tell us what your child "
            "needs when you apply.",
            "ages": (5, 11),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(5, "10:00", "14:00", ALL_YEAR)],
            "cost": (12, "session", "Bring a packed lunch."),
            "ratios": ("one_to_two", "one_to_one"),
            "care": ("personal_care", "medication"),
            "needs": ("ASD", "SLD", "PD", "behaviour", "wheelchair"),
            "scope": "near",
        },
        {
            "name": "{provider} Saturday Club for Older Children",
            "summary": "A Saturday club for 12 to 17-year-olds with days out, sport and cooking.",
            "description": "Young people choose the plan each month: bowling, cinema, cooking "
            "lunch together, football or a trip to the coast. Staff help with travel training "
            "and making friends.\n\nThe club meets at the same venue every week, and goes out "
            "from there in the minibus.",
            "ages": (12, 17),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(5, "11:00", "15:00", TERM)],
            "cost": (15, "session", "Trips may cost extra; we tell you in advance."),
            "ratios": ("one_to_two",),
            "care": (),
            "needs": ("ASD", "MLD", "SEMH", "SLCN"),
            "scope": "own",
        },
    ],
    "holiday-club": [
        {
            "name": "{town} Holiday Play Scheme",
            "summary": "Full days of play, trips and activities in the Easter, summer and "
            "October holidays.",
            "description": "The play scheme runs from 9:30am to 3:30pm in most school "
            "holidays. Days include outdoor play, arts and crafts, visits from animals and "
            "musicians, and trips to the beach and parks.\n\nThe venue has a Changing Places "
            "toilet and a hoist, and staff are trained to give medication and gastrostomy "
            "feeds.",
            "ages": (5, 16),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "09:30", "15:30", HOLIDAYS) for d in range(5)],
            "cost": (22, "day", "Places are half price for a second child."),
            "ratios": ("one_to_two", "one_to_one"),
            "care": ("personal_care", "medication", "gastrostomy_feeding", "moving_and_handling"),
            "needs": ("PMLD", "SLD", "PD", "complex-health", "wheelchair", "MSI"),
            "scope": "near",
            "dp": True,
        },
        {
            "name": "{town} Sensory Holiday Club",
            "summary": "Shorter, calmer holiday sessions for young children with sensory and "
            "complex needs.",
            "description": "Four-hour sessions in a quiet venue with a sensory room, soft play "
            "and a garden. Groups are small, and nurses are on hand for children with complex "
            "health needs.",
            "ages": (3, 11),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "10:00", "14:00", HOLIDAYS) for d in (1, 3)],
            "cost": (15, "session", ""),
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication", "gastrostomy_feeding"),
            "needs": ("PMLD", "MSI", "VI", "complex-health", "HI"),
            "scope": "own",
        },
        {
            "name": "{provider} Holiday Club for Teenagers",
            "summary": "Holiday days out for 11 to 18-year-olds: beaches, bowling, theme parks "
            "and time with friends.",
            "description": "A holiday programme planned with the young people who come. Most "
            "days involve a trip; staff support young people to pay, order and find their way, "
            "and to try new things.",
            "ages": (11, 18),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "10:00", "16:00", HOLIDAYS) for d in (0, 2, 4)],
            "cost": (28, "day", "Includes entry fees and transport."),
            "ratios": ("one_to_two",),
            "care": (),
            "needs": ("ASD", "SEMH", "MLD", "behaviour"),
            "scope": "near",
            "dp": True,
        },
    ],
    "youth-club": [
        {
            "name": "{town} Inclusive Youth Club",
            "summary": "A weekly evening youth club where disabled young people and their "
            "friends are welcome.",
            "description": "Pool, table tennis, music, gaming and a tuck shop, with youth "
            "workers who know how to include everyone. Young people can bring a friend or a "
            "sibling.\n\nParents can stay for the first few weeks until their young person "
            "feels settled.",
            "ages": (11, 19),
            "tier": "universal",
            "access": "open",
            "sessions": [(3, "18:30", "20:30", TERM)],
            "cost": (2, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("ASD", "MLD", "SEMH", "HI", "SpLD"),
            "scope": "own",
        },
        {
            "name": "{town} Young Adults Club",
            "summary": "An evening social club for young adults aged 16 to 25.",
            "description": "A club run with its members: quiz nights, karaoke, cooking, trips "
            "to the pub or cinema, and help with the things young adults want to do next, such "
            "as college, work or living more independently.",
            "ages": (16, 25),
            "tier": "universal",
            "access": "open",
            "sessions": [(1, "18:00", "21:00", ALL_YEAR)],
            "cost": (3, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("MLD", "SLD", "ASD", "SLCN"),
            "scope": "near",
        },
    ],
    "sport": [
        {
            "name": "{provider} Inclusive Swimming",
            "summary": "Quiet, warm pool sessions with instructors trained to teach disabled "
            "children.",
            "description": "The pool is kept warmer than usual, and the lights and music are "
            "turned down. A poolside hoist and accessible changing rooms are available.\n\n"
            "Children can have a one-to-one lesson or swim with a parent.",
            "ages": (3, 18),
            "tier": "universal",
            "access": "open",
            "sessions": [(6, "09:00", "10:30", ALL_YEAR)],
            "cost": (5, "session", "Parents and carers swim free."),
            "ratios": ("one_to_one",),
            "care": ("moving_and_handling",),
            "needs": ("PD", "ASD", "wheelchair", "VI", "HI"),
            "scope": "near",
        },
        {
            "name": "{provider} Wheelchair and Multi-Sports",
            "summary": "Wheelchair basketball, boccia, tennis and more, for all abilities.",
            "description": "Sessions are led by qualified coaches. Sports wheelchairs are "
            "provided, and children who walk are welcome to play too.\n\nYoung people can go "
            "on to join the regional squad if they want to compete.",
            "ages": (8, 25),
            "tier": "universal",
            "access": "open",
            "sessions": [(2, "17:00", "18:30", TERM)],
            "cost": (4, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("PD", "wheelchair", "HI", "VI"),
            "scope": "all",
        },
        {
            "name": "{provider} Trampolining Club",
            "summary": "Rebound therapy and trampolining with coaches trained to work with "
            "disabled children.",
            "description": "Bouncing builds strength, balance and confidence, and is great fun. "
            "Sessions are one child at a time on the trampoline, with hoisting available for "
            "children who cannot climb on.",
            "ages": (5, 18),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(4, "17:00", "18:00", TERM)],
            "cost": (6, "session", ""),
            "ratios": ("one_to_one",),
            "care": ("moving_and_handling",),
            "needs": ("PD", "PMLD", "ASD", "SLD"),
            "scope": "own",
        },
    ],
    "arts": [
        {
            "name": "{provider} Music and Drama Group",
            "summary": "Singing, drumming, drama games and a show at the end of every term.",
            "description": "A creative group for children who love to perform or just to make "
            "noise. Sessions use Makaton and symbols, and there is always somewhere quiet to "
            "go.\n\nFamilies are invited to the end-of-term show.",
            "ages": (7, 16),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(2, "16:00", "18:00", TERM)],
            "cost": (6, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("ASD", "SLCN", "SLD", "HI"),
            "scope": "own",
        },
        {
            "name": "{provider} Sensory Art Sessions",
            "summary": "Art you can touch, hear and smell, for children with profound and "
            "multiple learning difficulties.",
            "description": "Artists lead sessions with light, sound, clay, water and fabric, "
            "designed for children with sensory impairments and complex needs.\n\nA parent "
            "or carer stays with their child; siblings are welcome.",
            "ages": (0, 11),
            "tier": "universal",
            "access": "open",
            "sessions": [(5, "10:30", "12:00", ALL_YEAR)],
            "cost": None,
            "ratios": ("one_to_one",),
            "care": (),
            "needs": ("PMLD", "MSI", "VI", "complex-health"),
            "scope": "near",
        },
    ],
    "outdoor": [
        {
            "name": "{provider} Outdoor Adventures",
            "summary": "Climbing, canoeing, den-building and campfires, with kit and "
            "instructors provided.",
            "description": "Day-long adventures for young people who love being outside. "
            "Instructors adapt every activity, and the centre has accessible paths, a "
            "wheelchair-accessible boat and a heated base.\n\nTransport can be arranged from "
            "the main towns.",
            "ages": (8, 18),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(5, "10:00", "15:00", HOLIDAYS), (6, "10:00", "15:00", TERM)],
            "cost": (25, "day", "Includes lunch and all equipment."),
            "ratios": ("one_to_two", "one_to_one"),
            "care": ("personal_care",),
            "needs": ("ASD", "SEMH", "MLD", "behaviour", "PD"),
            "scope": "all",
            "dp": True,
        },
        {
            "name": "{provider} Forest School",
            "summary": "Sunday mornings in the woods: fires, dens, mud and nature for younger "
            "children.",
            "description": "Small groups explore the woods with trained Forest School leaders, "
            "whatever the weather. Parents are welcome to stay. Waterproofs and boots are "
            "provided.",
            "ages": (4, 11),
            "tier": "universal",
            "access": "open",
            "sessions": [(6, "10:00", "12:00", ALL_YEAR)],
            "cost": (5, "session", ""),
            "ratios": ("one_to_three",),
            "care": (),
            "needs": ("ASD", "SEMH", "SLCN", "SpLD"),
            "scope": "near",
        },
    ],
    "whole-family": [
        {
            "name": "{provider} Family Days",
            "summary": "Monthly Sunday activities for the whole family, including brothers and "
            "sisters.",
            "description": "Picnics, beach days, farm visits and crafts for disabled children "
            "and their families. A chance to meet other parent carers while the children "
            "play.\n\nVolunteers help with the children so parents can have a cup of tea and a "
            "chat.",
            "ages": (0, 18),
            "tier": "universal",
            "access": "open",
            "sessions": [(6, "11:00", "15:00", ALL_YEAR)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("ASD", "PD", "SLD", "complex-health", "sleep"),
            "scope": "all",
        },
        {
            "name": "{provider} Siblings Group",
            "summary": "A group for the brothers and sisters of disabled children, to have fun "
            "and share how things are.",
            "description": "Siblings often help to care at home. This group gives them time "
            "for themselves: games, trips and a chance to talk with others who understand.",
            "ages": (6, 16),
            "tier": "universal",
            "access": "open",
            "sessions": [(1, "16:30", "18:00", TERM)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("ASD", "SLD", "complex-health", "behaviour"),
            "scope": "all",
        },
    ],
    "enabling": [
        {
            "name": "{provider} Enabling Service",
            "summary": "A support worker who helps your child or young person take part in "
            "clubs and activities in the community.",
            "description": "An enabler goes with your child to an activity they choose, such "
            "as Scouts, a swimming lesson or the gym, and helps them join in, until they can "
            "go with less help.\n\nSessions are arranged around your family. You can pay with a "
            "direct payment.",
            "ages": (8, 25),
            "tier": "specialist",
            "access": "direct_payment",
            "sessions": [],
            "timing": "Times agreed with each family, including evenings and weekends.",
            "cost": (18, "hour", ""),
            "ratios": ("one_to_one",),
            "care": ("personal_care",),
            "needs": ("ASD", "MLD", "SEMH", "SLCN", "behaviour"),
            "scope": "all",
            "venue": False,
            "dp": True,
        },
        {
            "name": "{provider} Befriending for Young Adults",
            "summary": "A befriender of a similar age who goes out with a young adult to the "
            "cinema, the gym, football or the shops.",
            "description": "Befrienders are trained volunteers and paid workers aged 18 to 30. "
            "We match them on shared interests, and meet every week or fortnight. The aim is "
            "friendship and confidence, not care.",
            "ages": (16, 25),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(3, "18:00", "21:00", ALL_YEAR)],
            "cost": (12, "hour", ""),
            "ratios": ("one_to_one",),
            "care": (),
            "needs": ("ASD", "MLD", "SEMH", "SLCN"),
            "scope": "all",
            "venue": False,
            "dp": True,
        },
    ],
    "personal-assistant": [
        {
            "name": "{provider} Personal Assistants",
            "summary": "Trained personal assistants, employed through a direct payment, who "
            "support your child at home and out and about.",
            "description": "We match you with a personal assistant who suits your child and "
            "your family, help you with the paperwork of employing them, and find cover when "
            "they are away.\n\nPersonal assistants can help with personal care, medication and "
            "getting out to activities.",
            "ages": (0, 25),
            "tier": "specialist",
            "access": "direct_payment",
            "sessions": [],
            "timing": "Whenever you need support, agreed with your personal assistant.",
            "cost": (16.5, "hour", "Paid through your direct payment."),
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication", "moving_and_handling"),
            "needs": ("PMLD", "PD", "complex-health", "ASD", "behaviour"),
            "scope": "all",
            "venue": False,
            "dp": True,
        },
        {
            "name": "{provider} PA Finder",
            "summary": "Free help to find, recruit and employ a personal assistant with your "
            "direct payment.",
            "description": "We advertise for you, help you interview, check references and DBS "
            "certificates, and set up payroll. We also run a list of personal assistants who "
            "are looking for work.",
            "ages": (0, 25),
            "tier": "universal",
            "access": "direct_payment",
            "sessions": [(2, "10:00", "15:00", ALL_YEAR)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("PMLD", "PD", "complex-health", "ASD"),
            "scope": "all",
            "venue": False,
        },
    ],
    "home-support": [
        {
            "name": "{provider} Sitting Service",
            "summary": "A trained sitter who looks after your child at home so you can go out "
            "or rest.",
            "description": "Sitters are DBS checked and trained in first aid, medication and "
            "behaviour support. The same sitter comes each time, so your child gets to know "
            "them.\n\nEvening and weekend sittings are the most popular: ask early.",
            "ages": (0, 17),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "18:00", "22:00", ALL_YEAR) for d in (4, 5)],
            "cost": (10, "hour", ""),
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication"),
            "needs": ("ASD", "SLD", "PD", "sleep", "behaviour"),
            "scope": "near",
            "venue": False,
            "dp": True,
        },
        {
            "name": "{provider} Support at Home for Under-Fives",
            "summary": "A support worker at home in the day for families with a disabled baby "
            "or toddler.",
            "description": "A regular weekday visit so that parents can rest, attend "
            "appointments or spend time with their other children. Workers are trained in "
            "feeding, positioning and early communication.",
            "ages": (0, 4),
            "tier": "targeted",
            "access": "provider_criteria",
            "sessions": [(d, "09:30", "12:30", ALL_YEAR) for d in (1, 3)],
            "cost": None,
            "ratios": ("one_to_one",),
            "care": ("personal_care", "gastrostomy_feeding", "moving_and_handling"),
            "needs": ("PMLD", "complex-health", "PD", "sleep"),
            "scope": "near",
            "venue": False,
        },
    ],
    "overnight-residential": [
        {
            "name": "{provider}",
            "summary": "Overnight short breaks in a six-bedroom home with 24-hour care.",
            "description": "Children stay one or two nights at a time, with the same "
            "bedroom and the same staff, and carry on going to school as usual. The home has "
            "a sensory room, a garden and a Changing Places bathroom.\n\nNurses and care "
            "staff look after children with complex health needs, including gastrostomy "
            "feeding and epilepsy care.",
            "ages": (8, 17),
            "tier": "specialist",
            "access": "assessment",
            "sessions": [(4, "16:00", "10:00", ALL_YEAR), (5, "16:00", "10:00", ALL_YEAR)],
            "cost": None,
            "ratios": ("one_to_one", "two_to_one"),
            "care": ("personal_care", "medication", "gastrostomy_feeding", "moving_and_handling"),
            "needs": ("PMLD", "complex-health", "behaviour", "SLD", "sleep"),
            "scope": "all",
        },
        {
            "name": "{provider} Transition Flat",
            "summary": "Overnight breaks for 16 to 25-year-olds in a flat that helps them get "
            "ready for adult life.",
            "description": "Young people stay for a weekend and learn to cook, shop and plan "
            "their evening, with staff on hand day and night.\n\nThe flat works closely with "
            "adult social care, so young people can carry on after their 18th birthday.",
            "ages": (16, 25),
            "tier": "specialist",
            "access": "assessment",
            "sessions": [(4, "17:00", "10:00", ALL_YEAR)],
            "cost": None,
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication"),
            "needs": ("ASD", "MLD", "SLD", "SEMH"),
            "scope": "all",
        },
    ],
    "overnight-family": [
        {
            "name": "{provider} Family Link",
            "summary": "Overnight stays with a trained, approved Family Link carer in their own "
            "home.",
            "description": "Your child stays with the same carer family for a night or a "
            "weekend, once or twice a month. Carers are assessed and supported like foster "
            "carers.\n\nFamily Link suits children who would rather be in a family home than a "
            "residential setting.",
            "ages": (0, 17),
            "tier": "specialist",
            "access": "assessment",
            "sessions": [],
            "timing": "Regular nights agreed between you, the carer and your social worker.",
            "cost": None,
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication"),
            "needs": ("ASD", "SLD", "PD", "complex-health"),
            "scope": "all",
            "venue": False,
        },
        {
            "name": "{provider} Shared Lives Breaks",
            "summary": "Short stays for young adults aged 18 to 25 with a Shared Lives carer.",
            "description": "Shared Lives carers welcome a young adult into their home for a "
            "night, a weekend or a short holiday. Arranged with adult social care as part of "
            "the move to adult services.",
            "ages": (18, 25),
            "tier": "specialist",
            "access": "assessment",
            "sessions": [],
            "timing": "Agreed with the young adult, their family and their social worker.",
            "cost": None,
            "ratios": ("one_to_one",),
            "care": ("personal_care", "medication"),
            "needs": ("SLD", "MLD", "ASD", "PD"),
            "scope": "all",
            "venue": False,
        },
    ],
    "sleep-service": [
        {
            "name": "{provider} Sleep Service",
            "summary": "Advice, workshops and home visits for families of children who sleep "
            "badly.",
            "description": "Trained sleep practitioners help you understand why your child "
            "wakes and plan small changes that work for your family. Start with a workshop, "
            "then have one-to-one support by phone or at home.",
            "ages": (2, 18),
            "tier": "targeted",
            "access": "early_help",
            "sessions": [(0, "10:00", "12:00", TERM)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("sleep", "ASD", "SEMH", "SLD"),
            "scope": "all",
        },
        {
            "name": "{provider} Sleep Clinic for Under-Fives",
            "summary": "Friendly advice for parents of babies and toddlers who are not sleeping.",
            "description": "Drop in with your child to talk to a sleep practitioner and a "
            "health visitor. We can follow up with a home visit and a written sleep plan.",
            "ages": (0, 5),
            "tier": "universal",
            "access": "open",
            "sessions": [(4, "09:30", "11:30", TERM)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("sleep", "complex-health", "PMLD"),
            "scope": "near",
        },
    ],
    "parent-courses": [
        {
            "name": "{provider} Understanding Behaviour Course",
            "summary": "A six-week course for parents on behaviour that challenges, led by "
            "parents and specialists.",
            "description": "Each week covers a topic: communication, routines, triggers, "
            "keeping everyone safe, looking after yourself and planning ahead. Sessions are "
            "in the daytime in term time; a crèche is available for younger siblings.",
            "ages": (0, 25),
            "tier": "universal",
            "access": "open",
            "sessions": [(3, "09:30", "12:00", TERM)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("behaviour", "ASD", "SEMH"),
            "scope": "all",
        },
        {
            "name": "{provider} Direct Payments Workshop",
            "summary": "A morning workshop on using a direct payment to arrange your child's "
            "short breaks.",
            "description": "Learn what a direct payment can pay for, how to employ a personal "
            "assistant, keep records and plan for holidays. Parents who use direct payments "
            "share what works.",
            "ages": (0, 25),
            "tier": "universal",
            "access": "direct_payment",
            "sessions": [(2, "09:30", "12:30", TERM)],
            "cost": None,
            "ratios": (),
            "care": (),
            "needs": ("ASD", "PD", "PMLD", "SLD"),
            "scope": "all",
        },
    ],
}
