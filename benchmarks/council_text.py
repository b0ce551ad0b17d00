"""Council-style paragraphs that the benchmarks repeat to make long documents."""

PARAGRAPHS = [
    "Residents are required to notify the council of any change in their circumstances within 21 days, "
    "because failure to do so may result in an overpayment which will be recovered from future payments.",
    "The financial assessment will be undertaken by a member of the Financial Assessment Team (FAT), who "
    "will contact you by telephone on 01632 960 123 or by email at charging@northbrook.gov.uk.",
    "Where the value of your capital exceeds £23,250 you will be required to pay the full cost of your care; "
    "however, you may be eligible for a deferred payment agreement in accordance with the Care Act 2014.",
    "Approximately 35% of respondents indicated that they would utilise the service on a weekly basis, "
    "e.g. for advice, training, etc., prior to the commencement of the new arrangements on 01/04/2026.",
    "We will empty your bin on Tuesday. Put it out by 7am. Call us if you need help. It is free.",
]
