"""The ages the portal serves: short breaks are for disabled children and young people from
birth to 25, the age range of the SEND Code of Practice. Every age a family, an officer or a
commissioner can give is checked against this."""

MAX_AGE = 25
