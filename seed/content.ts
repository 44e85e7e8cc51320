/**
 * Demo content, taken word for word from the two source documents in seed/source-documents/:
 *   - cpdi-organized-crime-programme-page.txt  (Centre for Peace and Development Initiatives)
 *   - cgr-untoc-statement-2022-07-01.txt       (Centre for Governance Research)
 * Nothing here is invented. Where a document is silent (programme dates, campaign dates, office
 * e-mail or opening hours, the statement's venue) the field is left empty.
 *
 * Urdu: the source documents are English only. Every Urdu string below is a DEMO TRANSLATION
 * made for this demo site, not official text of either organisation. They live in `demoUrdu`
 * objects so they are easy to find and replace with the organisations' own translations.
 */
import { CONTRIBUTIONS_BLOCK, PROPOSALS_BLOCK } from '../content/placements'
import { richText } from '../content/richText'

export const organisations = {
  cpdi: { name: 'Centre for Peace and Development Initiatives', slug: 'cpdi', acronym: 'CPDI', demoUrdu: { name: 'سینٹر فار پیس اینڈ ڈیولپمنٹ انیشی ایٹوز' } },
  cgr: { name: 'Centre for Governance Research', slug: 'cgr', acronym: 'CGR', demoUrdu: { name: 'سینٹر فار گورننس ریسرچ' } },
  asiaFoundation: { name: 'The Asia Foundation', slug: 'the-asia-foundation', acronym: '', demoUrdu: { name: 'دی ایشیا فاؤنڈیشن' } },
} as const

export const topics = {
  traffickingInPersons: { name: 'Trafficking in persons', slug: 'trafficking-in-persons', demoUrdu: { name: 'انسانی اسمگلنگ' } },
  organisedCrime: { name: 'Organised crime', slug: 'organised-crime', demoUrdu: { name: 'منظم جرائم' } },
  genderBasedViolence: { name: 'Gender-based violence', slug: 'gender-based-violence', demoUrdu: { name: 'صنفی بنیاد پر تشدد' } },
  justiceSector: { name: 'Justice sector', slug: 'justice-sector', demoUrdu: { name: 'شعبۂ انصاف' } },
} as const

export const people = {
  tariqKhosa: {
    name: 'Tariq Khosa',
    slug: 'tariq-khosa',
    role: 'Director/CEO',
    organisation: 'cgr' as const,
    demoUrdu: { name: 'طارق کھوسہ', role: 'ڈائریکٹر/سی ای او' },
  },
}

/**
 * The programme page (CPDI). Its four "key contributions" are the key activities; they stand in
 * the text under "Our Key Contributions", after its lead sentence, as in the source.
 */
export const program = {
  title: "Combating Organized Crime and Human Trafficking: CPDI's Advocacy and Initiatives",
  slug: 'combating-organized-crime-and-human-trafficking',
  organisation: 'cpdi' as const,
  summary:
    "At the Centre for Peace and Development Initiatives (CPDI), we recognize organized crime as a pervasive threat to Pakistan's security, economy, and social fabric.",
  programStatus: 'active' as const,
  topics: ['organisedCrime', 'traffickingInPersons', 'genderBasedViolence', 'justiceSector'] as const,
  body: richText([
    { heading: 'Introduction' },
    "At the Centre for Peace and Development Initiatives (CPDI), we recognize organized crime as a pervasive threat to Pakistan's security, economy, and social fabric. From transnational networks to local syndicates, these activities undermine the rule of law and exacerbate inequalities. While CPDI has not undertaken dedicated projects on human trafficking to date, our work in related areas—such as advocacy against transnational organized crime and gender-based violence—lays the foundation for broader interventions. This page highlights our ongoing efforts to raise awareness, build capacity, and push for systemic reforms.",
    { heading: 'Our Key Contributions' },
    "CPDI's engagement with organized crime focuses on education, policy advocacy, and stakeholder collaboration. Here are some highlights:",
    { placement: CONTRIBUTIONS_BLOCK },
    { heading: 'Why This Matters for Pakistan' },
    "Organized crime erodes public trust in institutions and hinders sustainable development. In Pakistan, it manifests in various forms, from smuggling and corruption to violence against marginalized groups. CPDI's work aligns with national priorities under frameworks like the National Action Plan and international commitments, advocating for evidence-based policies that prioritize prevention and victim support.",
    { heading: 'Future Directions' },
    'Looking ahead, CPDI is exploring opportunities to expand our scope, potentially including targeted research on human trafficking and partnerships with anti-trafficking organizations. We invite collaborations with government bodies, NGOs, and donors to amplify impact.',
  ]),
  keyActivities: [
    {
      title: 'Awareness Campaigns on Transnational Organized Crime',
      description:
        "We view organized crime as a global challenge with local impacts in Pakistan. Through social media and public outreach, CPDI has spotlighted issues like Pakistan's position on the Global Organized Crime Index, calling for urgent reforms to strengthen law enforcement and international cooperation.",
    },
    {
      title: 'Workshops and Capacity Building',
      description:
        'CPDI promotes adherence to the United Nations Convention against Transnational Organized Crime (UNTOC). We have organized workshops for civil society, policymakers, and legal professionals to enhance understanding and implementation of this framework, fostering a coordinated response to cross-border threats.',
    },
    {
      title: 'Addressing Organized Crime Against Women',
      description:
        'As part of our campaigns during the 16 Days of Activism against Gender-Based Violence, CPDI has drawn attention to how organized crime disproportionately affects women, including exploitation and violence. This intersects with our broader gender justice efforts to protect vulnerable populations.',
    },
    {
      title: 'Justice Sector Support Program',
      description:
        'Funded by The Asia Foundation, this initiative provides training for lawyers, Jirga members, and justice stakeholders. It emphasizes accountability in handling gender-based violence cases, which often overlap with organized criminal activities, aiming to improve access to justice and reduce impunity.',
      funder: 'asiaFoundation' as const,
    },
  ],
  demoUrdu: {
    title: 'منظم جرائم اور انسانی اسمگلنگ کا مقابلہ: سی پی ڈی آئی کی وکالت اور اقدامات',
    summary:
      'سینٹر فار پیس اینڈ ڈیولپمنٹ انیشی ایٹوز (سی پی ڈی آئی) میں ہم منظم جرائم کو پاکستان کی سلامتی، معیشت اور سماجی ڈھانچے کے لیے ایک ہمہ گیر خطرہ سمجھتے ہیں۔',
  },
}

/** The two campaigns the programme page names (CPDI's). Their dates are not given, so none are set. */
export const campaigns = [
  {
    title: 'Awareness Campaigns on Transnational Organized Crime',
    slug: 'awareness-transnational-organized-crime',
    summary:
      "Through social media and public outreach, CPDI has spotlighted issues like Pakistan's position on the Global Organized Crime Index, calling for urgent reforms to strengthen law enforcement and international cooperation.",
    body: richText([
      "We view organized crime as a global challenge with local impacts in Pakistan. Through social media and public outreach, CPDI has spotlighted issues like Pakistan's position on the Global Organized Crime Index, calling for urgent reforms to strengthen law enforcement and international cooperation.",
    ]),
    topics: ['organisedCrime'] as const,
    demoUrdu: { title: 'بین الاقوامی منظم جرائم کے بارے میں آگاہی مہم' },
  },
  {
    title: '16 Days of Activism against Gender-Based Violence',
    slug: '16-days-of-activism-against-gender-based-violence',
    summary:
      'As part of our campaigns during the 16 Days of Activism against Gender-Based Violence, CPDI has drawn attention to how organized crime disproportionately affects women, including exploitation and violence.',
    body: richText([
      'As part of our campaigns during the 16 Days of Activism against Gender-Based Violence, CPDI has drawn attention to how organized crime disproportionately affects women, including exploitation and violence. This intersects with our broader gender justice efforts to protect vulnerable populations.',
    ]),
    topics: ['genderBasedViolence', 'organisedCrime'] as const,
    demoUrdu: { title: 'صنفی بنیاد پر تشدد کے خلاف 16 روزہ سرگرمی' },
  },
]

/**
 * The statement (CGR), as delivered on 1 July 2022. Its three proposals are the `proposals`
 * field; they stand in the text after the sentence that introduces them, as in the source.
 */
export const statement = {
  title: 'UNTOC Constructive Dialogue: Trafficking in Persons',
  slug: 'untoc-constructive-dialogue-trafficking-in-persons-2022',
  summary:
    'CGR-NIOC Pakistan statement by Tariq Khosa, Director/CEO, to the 4th segment of the UNTOC Constructive Dialogue on Trafficking in Persons, with three proposals for Member States.',
  statementType: 'delivered-statement' as const,
  speaker: 'tariqKhosa' as const,
  speakerRole: 'Director/CEO',
  issuingOrganisation: 'cgr' as const,
  deliveredOn: '2022-07-01T12:00:00.000Z',
  event: 'UNTOC Constructive Dialogue: Trafficking in Persons',
  eventSegment: '4th segment',
  topics: ['traffickingInPersons', 'organisedCrime'] as const,
  body: richText([
    'Distinguished Delegates: It is a great honour for me to speak at this 4th segment of the Constructive Dialogue to represent the views of the civil society on transnational organized crime and the Convention and Protocols that are under review to measure their effectiveness and implementation by the Member States.',
    'Human trafficking is unique in terms of three factors: One, it is against basic values of human dignity and amounts to slavery. Two, the suffering of victims causes irreparable losses to the individuals and their families. Three, it preys on the most vulnerable and weak i.e., women and children. Victims are most often coerced into the commercial sex market or forced labour.',
    'Trafficking in Persons (TIP) has both national and international dimensions. There is an emerging global consensus that the traditional approach of source, transition and destination countries needs to be revisited and the emphasis must shift on human trafficking being a domestic criminal threat and then an international criminal concern. This is where the national, regional and global strategies and action plans become extremely relevant for developing a meaningful implementation framework.',
    'For the purpose of this segment of the dialogue, the following three proposals are submitted for consideration by the Member States:',
    { placement: PROPOSALS_BLOCK },
    'In conclusion, we hope that the UN Convention and Protocols against transnational organized crime, including human trafficking, will be implemented in their true letter and spirit. I compliment the UNODC Civil Society Unit for facilitating such a meaningful civil society engagement for all the four segments of UNTOC Constructive Dialogues.',
    'Thank you.',
  ]),
  proposals: [
    'National strategies against serious and organized crimes like human trafficking should reflect concerted state and society responses to the emerging threats and challenges; these should be proactive rather than reactive and focus on addressing the root causes of exploitation of the vulnerable communities.',
    'The Member States should come up with comprehensive legislation against Trafficking in Persons. An inter-agency task force may monitor and coordinate actions against Organized Criminal Groups (OCGs) involved in trafficking and exploitation of women and children.',
    // This proposal runs across the page break in the source document; joined here as one.
    'Public awareness, education, poverty alleviation, social justice, human rights perspectives are as important as effective law enforcement, border management, corruption-free state machinery, and the rule of law.',
  ],
  demoUrdu: {
    title: 'یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ',
    summary:
      'سی جی آر کی جانب سے طارق کھوسہ، ڈائریکٹر/سی ای او، کا بیان، انسانی اسمگلنگ پر یو این ٹی او سی تعمیری مکالمے کے چوتھے حصے میں، رکن ممالک کے لیے تین تجاویز کے ساتھ۔',
    event: 'یو این ٹی او سی تعمیری مکالمہ: انسانی اسمگلنگ',
    eventSegment: 'چوتھا حصہ',
  },
}

/**
 * The offices on the statement's letterhead (CGR). The document does not say which is the head
 * office, so neither is marked as one; they keep the letterhead's order.
 * The Islamabad letterhead reads "Phone: 051-2870852 & 2870853": two lines sharing the 051 code.
 */
export const offices = [
  {
    name: 'Islamabad',
    city: 'Islamabad',
    addressLines: ['#38-W, Khalid Plaza, 1st Floor', 'Jinnah Avenue, Blue Area, Islamabad'],
    phones: ['051-2870852', '051-2870853'],
    displayOrder: 1,
    demoUrdu: { name: 'اسلام آباد', city: 'اسلام آباد', country: 'پاکستان' },
  },
  {
    name: 'Lahore',
    city: 'Lahore',
    addressLines: ['22, Tipu Block', 'New Garden Town, Lahore'],
    phones: ['042-35831352'],
    displayOrder: 2,
    demoUrdu: { name: 'لاہور', city: 'لاہور', country: 'پاکستان' },
  },
]

export const siteSettings = {
  organisationName: 'Daleel demo',
  // The demo site's own identity (not either organisation's): a logo made on this machine, and its colour.
  brandColour: '#0b3d5c',
  logoAlt: 'Daleel demo logo: a white letter D on dark blue.',
  tagline: 'Programmes, statements and campaigns from Pakistani civil society',
  about:
    'This demo site publishes material from the Centre for Peace and Development Initiatives (CPDI) and the Centre for Governance Research (CGR), each attributed to the organisation that issued it.',
  footerText: 'Demo content from CPDI and CGR documents. Urdu texts on this demo site are demo translations.',
  demoUrdu: {
    organisationName: 'دلیل ڈیمو',
    logoAlt: 'دلیل ڈیمو کا لوگو: گہرے نیلے پر سفید حرف ڈی۔',
    tagline: 'پاکستانی سول سوسائٹی کے پروگرام، بیانات اور مہمات',
    about:
      'یہ ڈیمو سائٹ سینٹر فار پیس اینڈ ڈیولپمنٹ انیشی ایٹوز (سی پی ڈی آئی) اور سینٹر فار گورننس ریسرچ (سی جی آر) کا مواد شائع کرتی ہے، ہر ایک اس ادارے کے نام سے جس نے اسے جاری کیا۔',
    footerText: 'سی پی ڈی آئی اور سی جی آر کی دستاویزات سے ڈیمو مواد۔ اس ڈیمو سائٹ پر اردو متن ڈیمو ترجمے ہیں۔',
  },
}

export const navigation = [
  { label: 'Programs', path: '/programs', ur: 'پروگرام' },
  { label: 'Statements', path: '/statements', ur: 'بیانات' },
  { label: 'Campaigns', path: '/campaigns', ur: 'مہمات' },
  { label: 'Media', path: '/media', ur: 'میڈیا' },
  { label: 'Contact', path: '/contact', ur: 'رابطہ' },
]

/**
 * One English page of every type on the demo site: each index and a demo document of each type
 * (the statement's slug is given: the bench measures a bulk copy). Checks that must cover "every
 * page type" (Lighthouse in the bench, the browser tests) start from this list; Urdu adds /ur.
 */
export function pageOfEveryType(statementSlug: string = statement.slug): string[] {
  return [
    '/',
    '/statements',
    `/statements/${statementSlug}`,
    '/programs',
    `/programs/${program.slug}`,
    '/campaigns',
    `/campaigns/${campaigns[0].slug}`,
    '/topics',
    `/topics/${topics.traffickingInPersons.slug}`,
    '/people',
    `/people/${people.tariqKhosa.slug}`,
    '/contact',
    '/media',
  ]
}
