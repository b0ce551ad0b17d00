"""Build the .docx seed documents for easyread.

Run:  python seeds/make_docx_seeds.py
The .docx files are written next to this script.

Every council, person, address, reference number and amount below is invented.
Telephone numbers use 01632 96xxxx, which Ofcom reserves for drama and fiction.

Each document is a list of blocks. A block is a (kind, content) tuple:

    ("title", str)              Title style
    ("h1", str) / ("h2", str)   Heading 1 / Heading 2
    ("p", str)                  Normal paragraph
    ("lines", [str, ...])       Normal paragraphs with no space between them
                                (address blocks)
    ("bullets", [str, ...])     List Bullet
    ("numbers", [str, ...])     List Number (each list restarts at 1)
    ("table", [[header...], [row...], ...])   first row is the header row
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

HERE = Path(__file__).resolve().parent

COUNCIL = "Northbrook Borough Council"
ADDRESS = ["Civic Centre", "12 Market Street", "Northbrook", "NB1 4AA"]

# ---------------------------------------------------------------------------
# 1. Council tax annual bill explanation letter (~500 words)
# ---------------------------------------------------------------------------

COUNCIL_TAX_LETTER = [
    ("title", "Council Tax Annual Bill 2026/27: Explanatory Letter"),
    ("lines", [COUNCIL, "Revenues and Benefits Service", *ADDRESS,
               "Telephone: 01632 960 123",
               "Email: counciltax@northbrook.gov.uk"]),
    ("lines", ["Ms Janet Whitcombe", "Flat 4, Rosemary Court",
               "27 Canal Road", "Northbrook", "NB3 9LF"]),
    ("lines", ["Date of issue: 09/03/2026",
               "Council Tax account reference: 4001 2387 65",
               "Property band: C",
               "Period of charge: 1 April 2026 to 31 March 2027"]),
    ("p", "Dear Ms Whitcombe,"),
    ("p", "Please find enclosed your Council Tax demand notice for the "
          "financial year 2026/27, which has been calculated in accordance "
          "with the Local Government Finance Act 1992 and the valuation band "
          "allocated to your property by the Valuation Office Agency (VOA), "
          "and which is inclusive of the precepts levied by the County "
          "Council, the Police and Crime Commissioner and the Fire and Rescue "
          "Authority."),
    ("h1", "How your bill has been calculated"),
    ("table", [
        ["Item", "Amount"],
        ["Annual charge for Band C (before reductions)", "£2,649.93"],
        ["Less: single person discount (25%)", "-£662.48"],
        ["Total amount payable for 2026/27", "£1,987.45"],
    ]),
    ("p", "A single person discount of 25% has been applied to your account "
          "on the basis that you have advised us that you are the only adult "
          "(i.e. a person aged 18 or over) resident at the property. You are "
          "required by law to notify the Council within 21 days should your "
          "circumstances change (e.g. if another adult moves in), failing "
          "which a civil penalty of £70.00 may be imposed and the discount "
          "withdrawn with retrospective effect."),
    ("h1", "Your instalments"),
    ("p", "Unless you have elected otherwise, the amount payable will be "
          "collected by 10 monthly instalments, the first instalment being "
          "£198.79, due on Wednesday 1st April 2026, and the remaining 9 "
          "instalments being £198.74 each, due on the 1st of each month from "
          "May 2026 to January 2027 inclusive."),
    ("h1", "How to pay"),
    ("p", "Direct Debit is the Council's preferred method of payment, as it "
          "is secure and convenient. Other methods of payment are listed "
          "below:"),
    ("bullets", [
        "Direct Debit: set up online at https://www.northbrook.gov.uk/directdebit "
        "or by calling 01632 960 123 (please have your bank details to hand).",
        "Online by debit or credit card at https://www.northbrook.gov.uk/counciltax, "
        "24 hours a day.",
        "At any Post Office or PayPoint outlet, using the barcode printed on "
        "your bill.",
        "By bank transfer, using the bank details printed on the reverse of "
        "your bill and quoting your 10-digit account reference.",
    ]),
    ("p", "Should an instalment not be received by the due date, a reminder "
          "notice will be issued, and if the arrears are not cleared within 7 "
          "days you will lose the right to pay by instalments and the full "
          "balance will become payable forthwith (this may result in a "
          "summons being issued, with costs of £85.00 added to your account)."),
    ("h1", "Help with paying and your right of appeal"),
    ("p", "If you are on a low income or in receipt of certain benefits, you "
          "may be entitled to Council Tax Support; further information is "
          "available at https://www.northbrook.gov.uk/ctsupport."),
    ("p", "If you consider that your property has been placed in the wrong "
          "band, you may challenge the banding with the Valuation Office "
          "Agency. If you disagree with the Council's decision regarding your "
          "liability or a discount (e.g. you believe you are not the liable "
          "person), you must first write to the Council setting out your "
          "grounds; if you remain dissatisfied, or if you have not received a "
          "response within 2 months, you may appeal to the Valuation Tribunal "
          "for England. Please note that lodging an appeal does not entitle "
          "you to withhold payment in the meantime."),
    ("h1", "Contact us"),
    ("p", "Our telephone lines (01632 960 123) are open Monday to Friday, 9am "
          "to 5pm. Alternatively, you may email "
          "counciltax@northbrook.gov.uk, quoting your account reference "
          "number in all correspondence."),
    ("p", "Yours sincerely,"),
    ("lines", ["Mark Penhaligon", "Head of Revenues and Benefits",
               COUNCIL]),
]

# ---------------------------------------------------------------------------
# 4. Adult social care charging policy extract (>= 1,800 words)
# ---------------------------------------------------------------------------

CHARGING_POLICY = [
    ("title", "Adult Social Care Charging Policy 2026/27 (Extract)"),
    ("lines", [COUNCIL, "Adult Social Care and Health Directorate",
               "Policy reference: ASC-FIN-002, Version 4.0",
               "Approved by Cabinet: 18 March 2026",
               "Effective from: 6 April 2026",
               "Next review: 31/03/2027"]),
    ("h1", "1. Introduction and legal framework"),
    ("p", "1.1 This policy sets out the framework within which Northbrook "
          "Borough Council (hereinafter referred to as \"the Council\") will "
          "exercise its powers under sections 14 and 17 of the Care Act 2014 "
          "to charge adults for care and support, and for support provided "
          "to carers, where such care and support is arranged by the Council "
          "to meet eligible needs, and it should be read in conjunction with "
          "the Care and Support (Charging and Assessment of Resources) "
          "Regulations 2014 and the Care and Support Statutory Guidance "
          "issued by the Department of Health and Social Care."),
    ("p", "1.2 The overarching principle which underpins this policy is that "
          "people should only be required to pay what they can reasonably "
          "afford, and accordingly no person will be asked to pay more than "
          "the cost to the Council of providing or arranging their care and "
          "support, nor will any charge be levied which would reduce a "
          "person's income below the level prescribed by the Minimum Income "
          "Guarantee (MIG) set out in section 5 of this policy."),
    ("p", "1.3 The Council has had due regard to its duties under the "
          "Equality Act 2010, including the Public Sector Equality Duty, in "
          "the formulation of this policy, and an Equality Impact Assessment "
          "(EqIA) was considered by Cabinet at its meeting on 18 March 2026."),
    ("h1", "2. Definitions"),
    ("p", "For the purposes of this policy, unless the context otherwise "
          "requires, the following terms shall have the meanings set out "
          "below:"),
    ("bullets", [
        "\"Adult\" means a person aged 18 years or over who has been "
        "assessed as having eligible needs for care and support under "
        "section 13 of the Care Act 2014.",
        "\"Capital\" means any resource of a non-recurring nature, including "
        "but not limited to savings, bonds, stocks and shares, premium bonds "
        "and property other than the person's main or only home.",
        "\"Disability-Related Expenditure\" (DRE) means reasonable additional "
        "costs which are incurred by a person as a direct consequence of "
        "their disability or long-term condition (e.g. additional laundry, "
        "specialist dietary requirements or extra heating).",
        "\"Financial Assessment\" means an assessment of a person's income and "
        "capital, carried out in accordance with section 17 of the Care Act "
        "2014, for the purpose of determining the amount (if any) which the "
        "person can afford to contribute towards the cost of their care.",
        "\"Minimum Income Guarantee\" (MIG) means the minimum amount of weekly "
        "income which a person receiving care and support in the community "
        "must be left with after charges have been deducted.",
        "\"Personal Expenses Allowance\" (PEA) means the minimum weekly amount "
        "which a person living in a care home must be allowed to retain for "
        "their own personal use.",
        "\"Tariff Income\" means the notional weekly income which is assumed "
        "to be generated from capital falling between the lower and upper "
        "capital limits.",
    ]),
    ("h1", "3. Services which are subject to a charge"),
    ("p", "3.1 Subject to the exemptions set out at paragraph 3.2, the Council "
          "will levy a charge, following a financial assessment, in respect of "
          "the following types of care and support:"),
    ("bullets", [
        "home care and domiciliary support, including reablement which "
        "continues beyond 6 weeks;",
        "day opportunities and day centre attendance (excluding the cost of "
        "transport, which is charged separately at £4.50 per return journey);",
        "supported living and extra care housing support;",
        "direct payments made under sections 31 to 33 of the Care Act 2014;",
        "short-term (respite) and long-term residential and nursing care, "
        "excluding the NHS-funded nursing care contribution;",
        "community alarm and assistive technology services, etc.",
    ]),
    ("p", "3.2 In accordance with the Regulations, no charge shall be made "
          "for the following: intermediate care (including reablement) for a "
          "period of up to 6 weeks; community equipment (aids and minor "
          "adaptations costing £1,000 or less); after-care services provided "
          "under section 117 of the Mental Health Act 1983; care and support "
          "provided to a person suffering from Creutzfeldt-Jakob Disease; "
          "and the assessment of needs and the preparation of a care and "
          "support plan."),
    ("h1", "4. Financial assessment"),
    ("h2", "4.1 When a financial assessment will be carried out"),
    ("p", "A financial assessment will be undertaken in respect of every "
          "person whose eligible needs are to be met by the Council, save "
          "where the person declines to disclose their financial "
          "circumstances or where it is evident from the information "
          "provided that their capital exceeds the upper capital limit, in "
          "which case the person will be treated as being able to meet the "
          "full cost of their care and will be advised of their right to "
          "request that the Council arranges that care on their behalf."),
    ("h2", "4.2 The assessment process"),
    ("p", "The financial assessment will normally be completed by a Financial "
          "Assessment Officer by telephone, online or, where the person's "
          "needs so require, at a home visit, and the following steps will "
          "generally be followed:"),
    ("numbers", [
        "The person (or their appointee, attorney or deputy) will be sent a "
        "financial assessment form, which should be returned within 28 days "
        "together with supporting evidence (e.g. bank statements for the "
        "preceding 3 months, pension statements and benefit award letters).",
        "All income and capital will be verified, and any income which is "
        "to be disregarded under the Regulations (e.g. the mobility "
        "component of Personal Independence Payment, i.e. PIP, and War "
        "Pensions) will be excluded from the calculation.",
        "Allowable expenditure, including housing costs, council tax "
        "(net of any reduction) and disability-related expenditure, will "
        "be deducted.",
        "The Minimum Income Guarantee appropriate to the person's "
        "circumstances will be applied, and the assessed weekly charge "
        "will be calculated.",
        "A written statement of the assessed charge, and of the basis on "
        "which it has been calculated, will be provided within 10 working "
        "days of the assessment being completed.",
    ]),
    ("p", "Where the requested information is not supplied within the "
          "timescale specified, and no satisfactory explanation for the delay "
          "has been given, the Council reserves the right to assume that the "
          "person has chosen not to disclose their financial circumstances "
          "and to charge the full cost of the care and support provided, "
          "backdated to the date on which the service commenced."),
    ("h2", "4.3 Capital thresholds and tariff income"),
    ("p", "In accordance with the Regulations, the following capital limits "
          "shall apply for the financial year 2026/27. Where a person's "
          "capital exceeds the upper capital limit of £23,250, they will be "
          "required to pay the full cost of their care. Capital below the "
          "lower capital limit of £14,250 will be disregarded in its "
          "entirety. Where a person's capital falls between £14,250 and "
          "£23,250, a tariff income of £1.00 per week will be assumed for "
          "every £250 (or part thereof) above the lower capital limit; for "
          "example, capital of £16,100 would give rise to a tariff income of "
          "£8.00 per week."),
    ("p", "The value of the person's main or only home will be disregarded "
          "in the case of non-residential care, and will additionally be "
          "disregarded for the first 12 weeks of a permanent admission to a "
          "care home (the \"12-week property disregard\"), or indefinitely "
          "where the property continues to be occupied by a spouse, partner "
          "or a relative who is aged 60 or over or incapacitated."),
    ("h2", "4.4 Deprivation of assets"),
    ("p", "Where it is established that a person has deliberately deprived "
          "themselves of capital or income (e.g. by transferring the "
          "ownership of property to a family member, or by making "
          "substantial gifts) at a time when they knew, or could reasonably "
          "have been expected to know, that they would require care and "
          "support, and where avoiding the charge was a significant "
          "motivation for the deprivation, the Council may treat that person "
          "as still possessing the capital or income in question, and may "
          "seek to recover any charges which would otherwise have been "
          "payable from the person to whom the asset was transferred."),
    ("h1", "5. Minimum Income Guarantee and allowances"),
    ("p", "5.1 The Council will ensure that, following the deduction of "
          "any charge, every person receiving care and support other than in "
          "a care home retains weekly income which is not less than the "
          "Minimum Income Guarantee. The amounts applicable from 6 April "
          "2026 (which are illustrative for the purposes of this extract) "
          "are set out in the table below."),
    ("table", [
        ["Circumstances", "Weekly amount (2026/27)"],
        ["Single person aged 18 to 24", "£84.15"],
        ["Single person aged 25 to State Pension age", "£103.60"],
        ["Single person over State Pension age", "£236.90"],
        ["Each member of a couple, one or both over State Pension age", "£180.85"],
        ["Disability premium (single person, additional)", "£50.35"],
        ["Enhanced disability premium (single person, additional)", "£24.70"],
        ["Carer premium (additional)", "£47.10"],
        ["Personal Expenses Allowance (care home residents)", "£31.25"],
        ["Standard Disability-Related Expenditure allowance", "£20.00"],
    ]),
    ("p", "5.2 People who live in a care home will be required to contribute "
          "most of their assessed income towards the cost of their care, but "
          "will retain the Personal Expenses Allowance of £31.25 per week, "
          "which is intended to meet the cost of personal items such as "
          "clothing, toiletries and hobbies, and which must not be used to "
          "pay for any element of the care and support which the Council has "
          "assessed the person as requiring."),
    ("h1", "6. Disability-related expenditure"),
    ("p", "6.1 Where a person is in receipt of a disability-related benefit "
          "(e.g. Attendance Allowance, the daily living component of PIP or "
          "the care component of Disability Living Allowance), a standard "
          "allowance of £20.00 per week will automatically be deducted for "
          "disability-related expenditure, without the need for the person to "
          "provide evidence of that expenditure."),
    ("p", "6.2 Where a person considers that their disability-related "
          "expenditure exceeds the standard allowance, they may request an "
          "individual assessment of DRE, in which case each item of claimed "
          "expenditure will be considered on its merits, having regard to "
          "whether the expenditure is reasonable, whether it arises directly "
          "from the person's disability, and whether a reasonable "
          "alternative is available at lower cost or free of charge. "
          "Examples of expenditure which will ordinarily be allowed include:"),
    ("bullets", [
        "additional costs of heating, where these exceed average household "
        "costs for a property of that type and size;",
        "specialist clothing, footwear or bedding, and additional laundry "
        "(e.g. as a result of continence needs);",
        "purchase, maintenance and repair of disability-related equipment, "
        "including wheelchairs, stairlifts and powered beds;",
        "community alarm system charges, and reasonable costs of privately "
        "arranged domestic help or gardening;",
        "transport costs over and above the mobility component of any "
        "benefit received.",
    ]),
    ("h1", "7. Deferred payment agreements"),
    ("p", "7.1 In accordance with section 34 of the Care Act 2014 and the Care "
          "and Support (Deferred Payment) Regulations 2014, the Council will "
          "offer a deferred payment agreement (DPA) to any person who is "
          "moving permanently into a care home, whose capital (excluding the "
          "value of their home) is less than £23,250, and whose home is not "
          "disregarded, so that the person is not compelled to sell their "
          "home during their lifetime in order to meet the cost of their "
          "care."),
    ("p", "7.2 Under a DPA, the Council will pay the care home fees on the "
          "person's behalf, and the amount so deferred will be secured by "
          "means of a first legal charge registered with HM Land Registry "
          "against the property. Interest will be charged on the deferred "
          "amount at a compound rate which will not exceed the maximum "
          "rate set nationally (currently 4.15% per annum, reviewed every 6 "
          "months on 1 January and 1 July), together with a one-off "
          "administration fee of £595.00 and an annual fee of £95.00, "
          "which may be added to the deferred amount."),
    ("p", "7.3 The total amount deferred, together with interest and fees, "
          "will become repayable upon the sale of the property or, if "
          "earlier, 90 days after the death of the person, whereupon the "
          "amount outstanding shall be recovered from the person's estate. "
          "The Council may refuse to enter into a DPA where it is unable to "
          "secure a first legal charge, or where the person does not agree "
          "to the terms of the agreement, including the requirement to keep "
          "the property insured and maintained."),
    ("h1", "8. Payment of charges and recovery of debt"),
    ("p", "8.1 Charges for non-residential services will be invoiced every 4 "
          "weeks in arrears, and the Council's preferred method of payment "
          "is by Direct Debit, although payment may also be made online at "
          "https://www.northbrook.gov.uk/paycare or by telephone on 01632 "
          "960 160 (Monday to Friday, 9am to 5pm)."),
    ("p", "8.2 Where a charge remains unpaid, the Council will in the first "
          "instance seek to establish whether the person is experiencing "
          "difficulty in paying, and will consider whether a reassessment "
          "or an affordable repayment arrangement is appropriate, before "
          "having recourse to formal recovery action in accordance with "
          "section 69 of the Care Act 2014, which may include proceedings "
          "in the County Court; however, under no circumstances will the "
          "provision of care and support be withdrawn by reason of the "
          "non-payment of charges where the person has eligible needs."),
    ("h1", "9. Reviews, appeals and complaints"),
    ("h2", "9.1 Requesting a review of your charge"),
    ("p", "Any person who is dissatisfied with the outcome of their financial "
          "assessment, or who considers that the assessment has been "
          "calculated incorrectly or that relevant information has not been "
          "taken into account, may request a review within 28 days of the "
          "date of the written statement of the assessed charge, and such a "
          "request should be made in writing to the Financial Assessment "
          "Team at financial.assessments@northbrook.gov.uk or to the address "
          "given at section 10 below."),
    ("h2", "9.2 Appeals"),
    ("p", "Where a person remains dissatisfied following a review, they may "
          "appeal, and the appeal will be considered by a Senior Manager who "
          "has had no previous involvement in the case. The following "
          "process will apply:"),
    ("numbers", [
        "The appeal must be lodged within 28 days of the review decision, "
        "setting out the grounds of appeal and any additional evidence.",
        "The appeal will be acknowledged within 5 working days.",
        "A written decision will be issued within 20 working days of the "
        "acknowledgement, save in exceptional circumstances (e.g. where "
        "further information must be obtained from a third party).",
        "Where the appeal is upheld, any overpayment will be refunded or "
        "credited to the person's account within 30 days.",
    ]),
    ("p", "Charges will remain payable at the assessed rate pending the "
          "outcome of a review or appeal. If the person remains dissatisfied "
          "once the Council's appeal procedure has been exhausted, they may "
          "make a complaint under the Council's statutory Adult Social Care "
          "Complaints Procedure and, thereafter, refer the matter to the "
          "Local Government and Social Care Ombudsman."),
    ("h1", "10. Contact details"),
    ("p", "Further information regarding this policy, including a copy of "
          "the full policy document and an Easy Read summary, is available "
          "at https://www.northbrook.gov.uk/carecharges, or from the "
          "Financial Assessment Team, Adult Social Care and Health "
          "Directorate, Civic Centre, 12 Market Street, Northbrook, NB1 4AA; "
          "telephone 01632 960 160; email "
          "financial.assessments@northbrook.gov.uk."),
]

# ---------------------------------------------------------------------------
# 5. Warm Spaces leaflet (~450 words)
# ---------------------------------------------------------------------------

WARM_SPACES_LEAFLET = [
    ("title", "Warm Spaces in Northbrook: Winter 2026/27"),
    ("p", "Northbrook Borough Council, in partnership with the Northbrook "
          "Community Voluntary Service (NCVS) and local faith and community "
          "organisations, is pleased to announce that a network of Warm "
          "Spaces will once again be made available across the Borough "
          "between Monday 2 November 2026 and Friday 26 March 2027, in order "
          "to support residents who may be struggling to afford to heat their "
          "homes during the colder months."),
    ("h1", "What is a Warm Space?"),
    ("p", "A Warm Space is a safe, welcoming and heated venue where anyone can "
          "spend time free of charge, without being asked any questions about "
          "their circumstances; in short, it is a place where you can come in "
          "from the cold, no strings attached."),
    ("h1", "What you can get"),
    ("bullets", [
        "A warm and comfortable place to sit, read or chat.",
        "Free hot drinks (e.g. tea, coffee and hot chocolate) and, at "
        "selected venues, a hot meal or soup.",
        "Free Wi-Fi and phone charging points.",
        "Information and advice on energy bills, benefits and debt, "
        "including the Household Support Fund.",
        "Activities such as board games, craft sessions and newspapers, etc.",
    ]),
    ("h1", "Who can come"),
    ("p", "Warm Spaces are open to everyone, including:"),
    ("bullets", [
        "older people and people who live alone;",
        "families with children (children under 16 must be accompanied by "
        "an adult);",
        "people who work from home and wish to reduce their heating costs;",
        "anyone who would welcome some company.",
    ]),
    ("p", "You do not need to book, and you are not required to provide proof "
          "of income or address."),
    ("h1", "Where and when"),
    ("table", [
        ["Venue", "Address", "Days", "Opening times"],
        ["Northbrook Central Library", "3 Abbey Walk, Northbrook, NB1 2QP",
         "Monday to Saturday", "9am to 5pm"],
        ["St Aidan's Church Hall", "41 Mill Lane, Eastfield, NB4 6RD",
         "Tuesday and Thursday", "10:00 to 15:00"],
        ["Riverside Community Centre", "Ferry Road, Riverside, NB2 7HT",
         "Monday, Wednesday and Friday", "11am to 4pm (hot lunch 12:30)"],
        ["Hallgate Family Hub", "8 Hallgate Parade, Northbrook, NB3 1XS",
         "Wednesday and Saturday", "10am to 2pm"],
        ["Oakwood Sports Pavilion", "Oakwood Park, Oakwood, NB5 3EJ",
         "Sunday", "12:00 to 16:00"],
    ]),
    ("p", "Please note that all venues will be closed from Thursday 24th "
          "December 2026 to Friday 1st January 2027 inclusive, apart from "
          "Riverside Community Centre, which will open on 29/12/2026 and "
          "30/12/2026."),
    ("h1", "Accessibility"),
    ("p", "All venues have step-free access and accessible toilets. In "
          "addition:"),
    ("bullets", [
        "hearing loops are installed at Northbrook Central Library and "
        "Riverside Community Centre;",
        "a British Sign Language (BSL) interpreter will attend Northbrook "
        "Central Library every Tuesday from 1pm to 3pm;",
        "assistance dogs are welcome at all venues;",
        "this leaflet is available in large print, Easy Read and other "
        "languages on request.",
    ]),
    ("h1", "Contact us"),
    ("p", "For further information, or if you would like to volunteer at a "
          "Warm Space, please visit https://www.northbrook.gov.uk/warmspaces, "
          "telephone 01632 960 132 (Monday to Friday, 9am to 5pm) or email "
          "warmspaces@northbrook.gov.uk. BSL users can contact us via text "
          "message on 07700 900 461."),
]

DOCUMENTS = {
    "council-tax-letter.docx": COUNCIL_TAX_LETTER,
    "adult-social-care-charging-policy.docx": CHARGING_POLICY,
    "warm-spaces-leaflet.docx": WARM_SPACES_LEAFLET,
}


# ---------------------------------------------------------------------------
# Rendering
# ---------------------------------------------------------------------------

def _restart_numbering(paragraph) -> int:
    """Give this List Number paragraph a fresh w:num that restarts at 1.

    Later paragraphs of the same list reuse the same numId (see
    _add_numbered_list), so each list counts 1, 2, 3 on its own.
    """
    doc_part = paragraph.part
    numbering = doc_part.numbering_part.numbering_definitions._numbering
    style = paragraph.style
    num_id = style.element.pPr.numPr.numId.val
    old_num = numbering.num_having_numId(num_id)
    abstract_id = old_num.abstractNumId.val
    new_num = numbering.add_num(abstract_id)
    override = new_num.add_lvlOverride(ilvl=0)
    override.add_startOverride(1)
    return new_num.numId


def _add_numbered_list(doc, items) -> None:
    num_id = None
    for item in items:
        para = doc.add_paragraph(item, style="List Number")
        if num_id is None:
            num_id = _restart_numbering(para)
        num_pr = para._p.get_or_add_pPr().get_or_add_numPr()
        num_pr.get_or_add_ilvl().val = 0
        num_pr.get_or_add_numId().val = num_id


def _add_table(doc, rows) -> None:
    header, *body = rows
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    # Mark the first row as a header row (repeats on each page in Word).
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    tbl_header = OxmlElement("w:tblHeader")
    tbl_header.set(qn("w:val"), "true")
    tr_pr.append(tbl_header)
    for values in body:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    doc.add_paragraph()  # breathing space after the table


def build(blocks) -> Document:
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    for kind, content in blocks:
        if kind == "title":
            doc.add_paragraph(content, style="Title")
            doc.core_properties.title = content
        elif kind == "h1":
            doc.add_heading(content, level=1)
        elif kind == "h2":
            doc.add_heading(content, level=2)
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "lines":
            for i, line in enumerate(content):
                para = doc.add_paragraph(line)
                if i < len(content) - 1:
                    para.paragraph_format.space_after = Pt(0)
        elif kind == "bullets":
            for item in content:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "numbers":
            _add_numbered_list(doc, content)
        elif kind == "table":
            _add_table(doc, content)
        else:
            raise ValueError(f"unknown block kind: {kind}")
    doc.core_properties.author = COUNCIL
    return doc


def main() -> None:
    for name, blocks in DOCUMENTS.items():
        path = HERE / name
        build(blocks).save(path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
