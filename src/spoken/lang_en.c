/* lang_en.c - the normaliser's English tables: one base, two newsrooms.
 *
 * en-gb and en-us share every list; they differ where their newsreaders
 * do: "per cent" / "percent", "one nil" / "one to nothing", "and" inside
 * numbers, the order of numeric dates, and spelling of units.
 */
#include "spoken/lang.h"


#include <string.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const struct nb_word_pair en_ordinal_whole[] = {
    {"one", "first"},  {"two", "second"}, {"three", "third"},
    {"five", "fifth"}, {"eight", "eighth"}, {"nine", "ninth"},
    {"twelve", "twelfth"},
};
static const struct nb_word_pair en_ordinal_suffix[] = {{"y", "ieth"}};
static const struct nb_word_pair en_plural_suffix[] = {{"y", "ies"}, {"x", "xes"}};

#define EN_NUMBER_WORDS                                                                        \
    {"zero",    "one",     "two",      "three",    "four",     "five",    "six",               \
     "seven",   "eight",   "nine",     "ten",      "eleven",   "twelve",  "thirteen",          \
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"},                   \
        {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}, \
        "hundred",                                                                             \
        {"", "thousand", "million", "billion", "trillion", "quadrillion", "quintillion"}, "and"

static const struct nb_number_words en_gb_numbers = {
    EN_NUMBER_WORDS, 1, "minus", "point", "oh",
    en_ordinal_whole, N(en_ordinal_whole), en_ordinal_suffix, N(en_ordinal_suffix), "th",
    en_plural_suffix, N(en_plural_suffix), "s",
};

static const struct nb_number_words en_us_numbers = {
    EN_NUMBER_WORDS, 0, "minus", "point", "oh",
    en_ordinal_whole, N(en_ordinal_whole), en_ordinal_suffix, N(en_ordinal_suffix), "th",
    en_plural_suffix, N(en_plural_suffix), "s",
};

#define EN_COMMON_WORDS                                                                        \
    .plus = "plus", .minus_sign = "minus", .times = "times", .by = "by", .at = "at",           \
    .dot = "dot", .slash = "slash", .and_word = "and", .hashtag = "hashtag",                   \
    .number = "number", .per = "per", .the = "the", .of = "of", .a = "a", .over = "over",      \
    .mid = "mid", .degree = "degree", .degrees = "degrees", .celsius = "Celsius",              \
    .fahrenheit = "Fahrenheit", .oclock = "o'clock", .hundred_hours = "hundred",               \
    .midnight = "midnight", .am = "A-M", .pm = "P-M", .hour = "hour", .hours = "hours",        \
    .minute = "minute", .minutes = "minutes", .second = "second", .seconds = "seconds",        \
    .quarter_of = "quarter of", .dimension_by = "by", .quarter = "quarter", .regnal_the = "the",                     \
    .copyright = "copyright", .trademark = "trademark", .registered = "registered",            \
    .less_than = "less than", .more_than = "more than", .underscore = "underscore", \
    .dash = "dash"

static const struct nb_norm_words en_gb_words = {
    .percent = "per cent", .to = "to", .score_to = NULL, .nil = "nil", .phone_zero = "oh", EN_COMMON_WORDS,
};

static const struct nb_norm_words en_us_words = {
    .percent = "percent", .to = "to", .score_to = "to", .nil = "nothing", .phone_zero = "zero", EN_COMMON_WORDS,
};

/* Longer symbols first: "US$" before "$". */
static const struct nb_currency en_currencies[] = {
    {"US$", "US dollar", "US dollars", "cent", "cents", NULL},
    {"A$", "Australian dollar", "Australian dollars", "cent", "cents", NULL},
    {"C$", "Canadian dollar", "Canadian dollars", "cent", "cents", NULL},
    {"NZ$", "New Zealand dollar", "New Zealand dollars", "cent", "cents", NULL},
    {"HK$", "Hong Kong dollar", "Hong Kong dollars", "cent", "cents", NULL},
    {"$", "dollar", "dollars", "cent", "cents", NULL},
    {"\xc2\xa3", "pound", "pounds", "penny", "pence", "p"},
    {"\xe2\x82\xac", "euro", "euros", "cent", "cents", NULL},
    {"\xc2\xa5", "yen", "yen", NULL, NULL, NULL},
    {"\xe2\x82\xa9", "won", "won", NULL, NULL, NULL},
    {"\xe2\x82\xb9", "rupee", "rupees", "paisa", "paise", NULL},
};

static const struct nb_scale_word en_scales[] = {
    {"thousand", "thousand", 0}, {"million", "million", 0}, {"billion", "billion", 0},
    {"trillion", "trillion", 0}, {"bn", "billion", 0},      {"tn", "trillion", 0},
    {"m", "million", 1},         {"k", "thousand", 1},      {"b", "billion", 1},
    {"B", "billion", 1},         {"M", "million", 1},       {"K", "thousand", 1},
    {"mn", "million", 0},        {"trn", "trillion", 0},
};

#define EN_UNITS(metre, metres, litre, litres)                                                 \
    {"km/h", "kilo" metre " an hour", "kilo" metres " an hour"},                               \
        {"km\xc2\xb3", "cubic kilo" metre, "cubic kilo" metres},                               \
        {"km\xc2\xb2", "square kilo" metre, "square kilo" metres},                             \
        {"km2", "square kilo" metre, "square kilo" metres},                                    \
        {"m\xc2\xb3", "cubic " metre, "cubic " metres},                                        \
        {"m\xc2\xb2", "square " metre, "square " metres}, {"m2", "square " metre, "square " metres}, \
        {"m3", "cubic " metre, "cubic " metres}, {"kmh", "kilo" metre " an hour", "kilo" metres " an hour"}, \
        {"kph", "kilo" metre " an hour", "kilo" metres " an hour"},                            \
        {"mph", "mile an hour", "miles an hour"}, {"km", "kilo" metre, "kilo" metres},         \
        {"cm", "centi" metre, "centi" metres}, {"mm", "milli" metre, "milli" metres},          \
        {"m", metre, metres}, {"kg", "kilogram", "kilograms"}, {"KG", "kilogram", "kilograms"}, \
        {"mg", "milligram", "milligrams"}, {"g", "gram", "grams"},                             \
        {"lbs", "pound", "pounds"}, {"lb", "pound", "pounds"}, {"oz", "ounce", "ounces"},       \
        {"ft", "foot", "feet"}, {"ml", "milli" litre, "milli" litres}, {"l", litre, litres},   \
        {"ha", "hectare", "hectares"}, {"sq", "square", "square"},                             \
        {"kWh", "kilowatt hour", "kilowatt hours"}, {"MWh", "megawatt hour", "megawatt hours"}, \
        {"GWh", "gigawatt hour", "gigawatt hours"}, {"TWh", "terawatt hour", "terawatt hours"}, \
        {"kW", "kilowatt", "kilowatts"}, {"MW", "megawatt", "megawatts"},                      \
        {"GW", "gigawatt", "gigawatts"}, {"mbps", "megabit per second", "megabits per second"}, \
        {"Mbps", "megabit per second", "megabits per second"},                                 \
        {"Gbps", "gigabit per second", "gigabits per second"},                                 \
        {"GB", "gigabyte", "gigabytes"}, {"MB", "megabyte", "megabytes"},                      \
        {"TB", "terabyte", "terabytes"}, {"GHz", "gigahertz", "gigahertz"},                    \
        {"MHz", "megahertz", "megahertz"}, {"kHz", "kilohertz", "kilohertz"},                  \
        {"Hz", "hertz", "hertz"}, {"bpd", "barrel a day", "barrels a day"},                    \
        {"cc", "C-C", "C-C"}, {"kt", "knot", "knots"}, {"hrs", "hour", "hours"},               \
        {"hr", "hour", "hours"}, {"mins", "minute", "minutes"}, {"min", "minute", "minutes"},  \
        {"sec", "second", "seconds"}, {"yrs", "year", "years"}, {"ms", "millisecond", "milliseconds"}

static const struct nb_unit en_gb_units[] = {EN_UNITS("metre", "metres", "litre", "litres")};
static const struct nb_unit en_us_units[] = {EN_UNITS("meter", "meters", "liter", "liters")};

static const struct nb_unit en_per_units[] = {
    {"mo", "month", NULL}, {"month", "month", NULL}, {"yr", "year", NULL},
    {"year", "year", NULL}, {"wk", "week", NULL},   {"week", "week", NULL},
    {"d", "day", NULL},    {"day", "day", NULL},    {"hr", "hour", NULL},
    {"h", "hour", NULL},   {"hour", "hour", NULL},  {"kg", "kilogram", NULL},
    {"lb", "pound", NULL}, {"person", "person", NULL}, {"head", "head", NULL},
    {"barrel", "barrel", NULL}, {"share", "share", NULL}, {"tonne", "tonne", NULL},
    {"t", "tonne", NULL},  {"MWh", "megawatt hour", NULL}, {"kWh", "kilowatt hour", NULL},
    {"s", "second", NULL}, {"sec", "second", NULL}, {"min", "minute", NULL},
};

static const struct nb_abbrev en_abbrevs[] = {
    {"Mr", "Mister", NB_ABBR_BEFORE_NAME, 0},
    {"Mrs", "Misses", NB_ABBR_BEFORE_NAME, 0},
    {"Ms", "Miz", NB_ABBR_BEFORE_NAME, 0},
    {"Dr", "Drive", NB_ABBR_AFTER_NAME, 0},
    {"Dr", "Doctor", NB_ABBR_BEFORE_NAME, 0},
    {"St", "Street", NB_ABBR_AFTER_NAME, 0},
    {"St", "Saint", NB_ABBR_BEFORE_NAME, 0},
    {"Prof", "Professor", NB_ABBR_BEFORE_NAME, 0},
    {"Gen", "General", NB_ABBR_BEFORE_NAME, 0},
    {"Lt Col", "Lieutenant Colonel", NB_ABBR_BEFORE_NAME, 0},
    {"Lt Gen", "Lieutenant General", NB_ABBR_BEFORE_NAME, 0},
    {"Maj Gen", "Major General", NB_ABBR_BEFORE_NAME, 0},
    {"Lt", "Lieutenant", NB_ABBR_BEFORE_NAME, 0},
    {"Col", "Colonel", NB_ABBR_BEFORE_NAME, 0},
    {"Capt", "Captain", NB_ABBR_BEFORE_NAME, 0},
    {"Sgt", "Sergeant", NB_ABBR_BEFORE_NAME, 0},
    {"Cpl", "Corporal", NB_ABBR_BEFORE_NAME, 0},
    {"Maj", "Major", NB_ABBR_BEFORE_NAME, 0},
    {"Adm", "Admiral", NB_ABBR_BEFORE_NAME, 0},
    {"Gov", "Governor", NB_ABBR_BEFORE_NAME, 0},
    {"Sen", "Senator", NB_ABBR_BEFORE_NAME, 0},
    {"Rep", "Representative", NB_ABBR_BEFORE_NAME, 0},
    {"Supt", "Superintendent", NB_ABBR_BEFORE_NAME, 0},
    {"Insp", "Inspector", NB_ABBR_BEFORE_NAME, 0},
    {"Det", "Detective", NB_ABBR_BEFORE_NAME, 0},
    {"Rev", "Reverend", NB_ABBR_BEFORE_NAME, 0},
    {"Cllr", "Councillor", NB_ABBR_BEFORE_NAME, 0},
    {"Cmdr", "Commander", NB_ABBR_BEFORE_NAME, 0},
    {"Brig", "Brigadier", NB_ABBR_BEFORE_NAME, 0},
    {"Hon", "Honourable", NB_ABBR_BEFORE_NAME, 0},
    {"Fr", "Father", NB_ABBR_BEFORE_NAME, 0},
    {"Mt", "Mount", NB_ABBR_BEFORE_NAME, 0},
    {"Pres", "President", NB_ABBR_BEFORE_NAME, 0},
    {"Jr", "Junior", NB_ABBR_AFTER_NAME, 0},
    {"Sr", "Senior", NB_ABBR_AFTER_NAME, 0},
    {"Inc", "Incorporated", NB_ABBR_AFTER_NAME, 0},
    {"Corp", "Corporation", NB_ABBR_AFTER_NAME, 0},
    {"Ltd", "Limited", NB_ABBR_AFTER_NAME, 0},
    {"Co", "Company", NB_ABBR_AFTER_NAME, 0},
    {"Bros", "Brothers", NB_ABBR_AFTER_NAME, 0},
    {"Rd", "Road", NB_ABBR_AFTER_NAME, 0},
    {"Ave", "Avenue", NB_ABBR_AFTER_NAME, 0},
    {"Sq", "Square", NB_ABBR_AFTER_NAME, 0},
    {"No", "number", NB_ABBR_BEFORE_NUMBER, 1},
    {"Nos", "numbers", NB_ABBR_BEFORE_NUMBER, 1},
    {"no", "number", NB_ABBR_BEFORE_NUMBER, 1},
    {"approx", "approximately", NB_ABBR_ALWAYS, 0},
    {"e.g", "for example", NB_ABBR_ALWAYS, 0},
    {"eg", "for example", NB_ABBR_ALWAYS, 1},
    {"i.e", "that is", NB_ABBR_ALWAYS, 0},
    {"ie", "that is", NB_ABBR_ALWAYS, 1},
    {"etc", "et cetera", NB_ABBR_ALWAYS, 0},
    {"vs", "versus", NB_ABBR_ALWAYS, 0},
    {"Govt", "Government", NB_ABBR_ALWAYS, 0},
    {"govt", "government", NB_ABBR_ALWAYS, 0},
    {"Dept", "Department", NB_ABBR_ALWAYS, 0},
    {"dept", "department", NB_ABBR_ALWAYS, 0},
    {"U.S", "U-S", NB_ABBR_ALWAYS, 0},
    {"U.K", "U-K", NB_ABBR_ALWAYS, 0},
    {"U.N", "U-N", NB_ABBR_ALWAYS, 0},
    {"E.U", "E-U", NB_ABBR_ALWAYS, 0},
    {"A.D", "A-D", NB_ABBR_ALWAYS, 0},
    {"B.C", "B-C", NB_ABBR_ALWAYS, 0},
    {"tv", "T-V", NB_ABBR_ALWAYS, 0},
};

static const struct nb_word_pair en_tokens[] = {
    {"9/11", "nine eleven"},
    {"24/7", "twenty four seven"},
    {"401(k)", "four oh one K"},
    {"and/or", "and or"},
    {"w/", "with"},
    {"Covid-19", "Covid nineteen"},
    {"COVID-19", "Covid nineteen"},
    {"covid-19", "Covid nineteen"},
};

static const struct nb_word_pair en_entities[] = {
    {"amp", "and"},          {"copy", "copyright"}, {"reg", "registered"},
    {"trade", "trademark"},  {"nbsp", " "},         {"ndash", "\xe2\x80\x93"},
    {"mdash", "\xe2\x80\x94"}, {"hellip", "\xe2\x80\xa6"}, {"pound", "\xc2\xa3"},
    {"euro", "\xe2\x82\xac"}, {"deg", "\xc2\xb0"},  {"frac12", "\xc2\xbd"},
    {"rsquo", "\xe2\x80\x99"}, {"lsquo", "\xe2\x80\x98"}, {"apos", "'"},
};

/* Said as words (sorted by ASCII case-insensitive order). */
static const char *const en_acronym_words[] = {
    "AIDS",  "ASEAN", "BAFTA", "COVID", "DEFRA", "FEMA",  "FIFA", "ISIS",
    "LIBOR", "MERS",  "NAFTA", "NASA",  "NASDAQ", "NATO", "NIMBY", "OFCOM", "OFGEM",
    "OFSTED", "OPEC", "SARS",  "SWAT",  "UEFA",  "UNESCO", "UNICEF", "UNITA", "WASPI",
};

/* Always spelled, although eSpeak NG would try to say them (sorted). */
static const char *const en_initialisms[] = {
    "AFP", "ANC", "AP",  "BBC", "CDC", "CEO", "CIA", "CNN", "CSTO", "DNA", "DUP",
    "ECB", "EU",  "FBI", "FDA", "GCHQ", "GDP", "GOP", "IAEA", "IMF", "IRA", "IS",
    "IT",  "MI5", "MI6", "MP",  "MSP", "NBA", "NFL", "NGO", "NHS", "NSA", "OECD",
    "OSCE", "PLC", "PM",  "SNP", "SSN", "UK",  "UN",  "US",  "USA", "VAR", "WHO",
    "WTO",
};

static const char *const en_sports_words[] = {
    "beat", "beaten", "champions", "cup", "defeat", "draw", "drew", "final", "game",
    "goal", "goals", "half-time", "innings", "league", "lost", "match", "playoff",
    "quarter-final", "score", "scored", "semi-final", "set", "victory", "win", "won",
};

static const char *const en_cardinal_roman_after[] = {
    "act", "apollo", "article", "book", "bowl", "chapter", "class", "episode", "grade",
    "level", "mark", "olympiad", "part", "phase", "round", "scene", "season", "section",
    "series", "stage", "title", "type", "vatican", "volume", "war", "wrestlemania",
};

static const char *const en_metre_after[] = {
    "above", "away", "backstroke", "below", "breaststroke", "butterfly", "deep", "final",
    "freestyle", "high", "hurdles", "long", "race", "relay", "run", "sprint", "tall", "wide",
};

static const char *const en_metre_before[] = {
    "altitude",   "cleared", "deep", "depth", "dived",  "diving", "drop",  "dropped",
    "fell",       "height",  "high", "jump",  "jumped", "jumps",  "leap",  "leapt",
    "length",     "long",    "ran",  "rise",  "rose",   "runs",   "sea",   "snow",
    "snowdrifts", "surge",   "swam", "tall",  "threw",  "throw",  "tide",  "tides",
    "under",      "vault",   "wall", "wave",  "waves",  "wide",   "width",
};

static const char *const en_metre_of[] = {
    "cable",    "concrete", "fencing",  "floodwater", "ice",  "mud",   "pipe",
    "pipeline", "rain",     "rainfall", "road",       "rock", "sand",  "sea",
    "seawater", "snow",     "track",    "tunnel",     "wall", "water",
};

static const struct nb_fraction_name en_fractions[] = {
    {2, "half", "halves"},
    {4, "quarter", "quarters"},
};

static const char *const en_time_zones[] = {
    "BST", "CDT", "CEST", "CET", "CST", "EDT", "EET", "EST", "ET", "GMT",
    "HKT", "IST", "JST", "MDT", "MST", "PDT", "PST", "PT", "UTC",
};

/* "B.C.E" before "B.C": a stop ends a token, so "B.C" would take its start. */
static const struct nb_era en_eras[] = {
    {"BCE", "B-C-E", 0}, {"B.C.E", "B-C-E", 0}, {"BC", "B-C", 0}, {"B.C", "B-C", 0},
    {"AD", "A-D", 1},    {"A.D", "A-D", 1},     {"CE", "C-E", 0}, {"C.E", "C-E", 0},
};

#define EN_COMMON_TABLES                                                                           \
    .calendar = &nb_calendar_en, .currencies = en_currencies, .ncurrencies = N(en_currencies),     \
    .scales = en_scales, .nscales = N(en_scales), .per_units = en_per_units,                       \
    .nper_units = N(en_per_units), .abbrevs = en_abbrevs, .nabbrevs = N(en_abbrevs),               \
    .tokens = en_tokens, .ntokens = N(en_tokens), .entities = en_entities,                         \
    .nentities = N(en_entities), .acronym_words = en_acronym_words,                                \
    .nacronym_words = N(en_acronym_words), .initialisms = en_initialisms,                          \
    .ninitialisms = N(en_initialisms), .sports_words = en_sports_words,                            \
    .nsports_words = N(en_sports_words), .cardinal_roman_after = en_cardinal_roman_after,          \
    .ncardinal_roman_after = N(en_cardinal_roman_after), .metre_after = en_metre_after,            \
    .nmetre_after = N(en_metre_after), .metre_before = en_metre_before,                            \
    .nmetre_before = N(en_metre_before), .metre_of = en_metre_of, .nmetre_of = N(en_metre_of),     \
    .fractions = en_fractions, .nfractions = N(en_fractions), .time_zones = en_time_zones,         \
    .ntime_zones = N(en_time_zones), .eras = en_eras, .neras = N(en_eras)

const struct nb_norm_lang nb_norm_lang_en_gb = {
    .language = "en",
    .numbers = &en_gb_numbers,
    .words = &en_gb_words,
    .day_first = 1,
    .month_day_the_of = 1,
    .units = en_gb_units,
    .nunits = N(en_gb_units),
    EN_COMMON_TABLES,
};

const struct nb_norm_lang nb_norm_lang_en_us = {
    .language = "en-us",
    .numbers = &en_us_numbers,
    .words = &en_us_words,
    .day_first = 0,
    .month_day_the_of = 1,
    .units = en_us_units,
    .nunits = N(en_us_units),
    EN_COMMON_TABLES,
};
