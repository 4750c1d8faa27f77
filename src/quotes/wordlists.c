/* wordlists.c - the quote finder's word lists, as data.
 *
 * Every list is a static const table of lower-case words, matched whole
 * and ignoring ASCII case, in table order (the lists are short; only the
 * long verb lexicon is kept sorted and searched by halves).  Duplicates
 * in a list are harmless.
 */
#include "quotes/wordlists.h"
#include "text/calendar.h"
#include "text/chars.h"

#include <stdlib.h>
#include <string.h>

/* ---- verbs of saying --------------------------------------------------- */

/* Short names for the flags, for the table below. */
enum {
    V_INV = NB_QUOTES_V_INV,
    V_PART = NB_QUOTES_V_PART,
    V_ING = NB_QUOTES_V_ING,
    V_NOUN = NB_QUOTES_V_NOUN
};

struct verb {
    const char *word;
    int flags;
};

/* Verbs that report speech.  V_INV: may come before its subject right after
 * a quote ("...," said Berg); V_PART: frames a fragment, not a sentence
 * (called the plan "overdue"); V_ING: a participle whose subject is the
 * clause's ("..., adding: "); V_NOUN: also a plural noun ("a flurry of tweets"),
 * trusted only after a name or a pronoun.  A broad lexicon of the verbs of
 * saying, in every form, kept in strcmp order (nb_quotes_verb_flags searches
 * it). */
static const struct verb verbs[] = {
    {"accused", V_PART}, {"accuses", V_PART}, {"accusing", V_ING | V_PART},
    {"acknowledged", V_INV}, {"acknowledges", V_INV}, {"acknowledging", V_ING},
    {"added", V_INV}, {"adding", V_ING}, {"adds", V_INV}, {"admits", V_INV},
    {"admitted", V_INV}, {"admitting", V_ING}, {"admonished", V_INV}, {"admonishes", V_INV},
    {"admonishing", V_ING}, {"advised", V_INV}, {"advises", V_INV}, {"advising", V_ING},
    {"affirmed", V_INV}, {"affirming", V_ING}, {"affirms", V_INV}, {"agreed", V_INV},
    {"agreeing", V_ING}, {"agrees", V_INV}, {"alleged", V_INV}, {"alleges", V_INV},
    {"alleging", V_ING}, {"announced", V_INV}, {"announces", V_INV}, {"announcing", V_ING},
    {"answered", V_INV}, {"answering", V_ING}, {"answers", V_INV | V_NOUN},
    {"applauded", V_PART}, {"applauding", V_ING | V_PART}, {"applauds", V_PART},
    {"argued", V_INV}, {"argues", V_INV}, {"arguing", V_ING}, {"asked", V_INV},
    {"asking", V_ING}, {"asks", V_INV}, {"asserted", V_INV}, {"asserting", V_ING},
    {"asserts", V_INV}, {"assured", V_INV}, {"assures", V_INV}, {"assuring", V_ING},
    {"attacked", V_PART}, {"attacking", V_ING | V_PART}, {"attacks", V_PART | V_NOUN},
    {"begged", V_INV}, {"begging", V_ING}, {"begs", V_INV}, {"bellowed", V_INV},
    {"bellowing", V_ING}, {"bellows", V_INV}, {"bemoaned", V_PART},
    {"bemoaning", V_ING | V_PART}, {"bemoans", V_PART}, {"blamed", V_PART}, {"blames", V_PART},
    {"blaming", V_ING | V_PART}, {"blasted", V_PART}, {"blasting", V_ING | V_PART},
    {"blasts", V_PART | V_NOUN}, {"boasted", V_INV}, {"boasting", V_ING}, {"boasts", V_INV},
    {"bragged", V_INV}, {"bragging", V_ING}, {"brags", V_INV}, {"branded", V_PART},
    {"branding", V_ING | V_PART}, {"brands", V_PART | V_NOUN}, {"called", V_PART},
    {"calling", V_ING | V_PART}, {"calls", V_PART | V_NOUN}, {"cautioned", V_INV},
    {"cautioning", V_ING}, {"cautions", V_INV}, {"chanted", V_INV}, {"chanting", V_ING},
    {"chants", V_INV | V_NOUN}, {"characterised", V_PART}, {"characterises", V_PART},
    {"characterising", V_ING | V_PART}, {"characterized", V_PART}, {"characterizes", V_PART},
    {"characterizing", V_ING | V_PART}, {"charged", V_INV}, {"charges", V_INV | V_NOUN},
    {"charging", V_ING}, {"chided", V_INV}, {"chides", V_INV}, {"chiding", V_ING},
    {"chimed", 0}, {"claimed", V_INV}, {"claiming", V_ING}, {"claims", V_INV | V_NOUN},
    {"clarified", V_INV}, {"clarifies", V_INV}, {"clarifying", V_ING}, {"commended", V_PART},
    {"commending", V_ING | V_PART}, {"commends", V_PART}, {"commented", V_INV},
    {"commenting", V_ING}, {"comments", V_INV | V_NOUN}, {"compared", V_PART},
    {"compares", V_PART}, {"comparing", V_ING | V_PART}, {"complained", V_INV},
    {"complaining", V_ING}, {"complains", V_INV}, {"conceded", V_INV}, {"concedes", V_INV},
    {"conceding", V_ING}, {"concluded", V_INV}, {"concludes", V_INV}, {"concluding", V_ING},
    {"concurred", V_INV}, {"concurring", V_ING}, {"concurs", V_INV}, {"condemned", V_PART},
    {"condemning", V_ING | V_PART}, {"condemns", V_PART}, {"confessed", V_INV},
    {"confesses", V_INV}, {"confessing", V_ING}, {"confided", V_INV}, {"confides", V_INV},
    {"confiding", V_ING}, {"confirmed", V_INV}, {"confirming", V_ING}, {"confirms", V_INV},
    {"contended", V_INV}, {"contending", V_ING}, {"contends", V_INV}, {"continued", V_INV},
    {"continues", V_INV}, {"continuing", V_ING}, {"countered", V_INV}, {"countering", V_ING},
    {"counters", V_INV | V_NOUN}, {"cried", V_INV}, {"cries", V_INV | V_NOUN},
    {"criticised", V_PART}, {"criticises", V_PART}, {"criticising", V_ING | V_PART},
    {"criticized", V_PART}, {"criticizes", V_PART}, {"criticizing", V_ING | V_PART},
    {"crying", V_ING}, {"declared", V_INV}, {"declares", V_INV}, {"declaring", V_ING},
    {"decried", V_PART}, {"decries", V_PART}, {"decrying", V_ING | V_PART},
    {"demanded", V_INV}, {"demanding", V_ING}, {"demands", V_INV | V_NOUN}, {"denied", V_INV},
    {"denies", V_INV}, {"denounced", V_PART}, {"denounces", V_PART},
    {"denouncing", V_ING | V_PART}, {"denying", V_ING}, {"derided", V_PART},
    {"derides", V_PART}, {"deriding", V_ING | V_PART}, {"described", V_PART},
    {"describes", V_PART}, {"describing", V_ING | V_PART}, {"disagreed", V_INV},
    {"disagreeing", V_ING}, {"disagrees", V_INV}, {"disclosed", V_INV}, {"discloses", V_INV},
    {"disclosing", V_ING}, {"dismissed", V_PART}, {"dismisses", V_PART},
    {"dismissing", V_ING | V_PART}, {"dubbed", V_PART}, {"dubbing", V_ING | V_PART},
    {"dubs", V_PART}, {"echoed", V_INV}, {"echoes", V_INV | V_NOUN}, {"echoing", V_ING},
    {"elaborated", V_INV}, {"elaborates", V_INV}, {"elaborating", V_ING}, {"emailed", V_INV},
    {"emailing", V_ING}, {"emails", V_INV | V_NOUN}, {"emphasised", V_INV},
    {"emphasises", V_INV}, {"emphasising", V_ING}, {"emphasized", V_INV},
    {"emphasizes", V_INV}, {"emphasizing", V_ING}, {"exclaimed", V_INV}, {"exclaiming", V_ING},
    {"exclaims", V_INV}, {"explained", V_INV}, {"explaining", V_ING}, {"explains", V_INV},
    {"fumed", V_INV}, {"fumes", V_INV | V_NOUN}, {"fuming", V_ING}, {"grumbled", V_INV},
    {"grumbles", V_INV}, {"grumbling", V_ING}, {"gushed", V_INV}, {"gushes", V_INV},
    {"gushing", V_ING}, {"hailed", V_PART}, {"hailing", V_ING | V_PART}, {"hails", V_PART},
    {"hinted", V_INV}, {"hinting", V_ING}, {"hints", V_INV | V_NOUN}, {"inquired", V_INV},
    {"inquires", V_INV}, {"inquiring", V_ING}, {"insisted", V_INV}, {"insisting", V_ING},
    {"insists", V_INV}, {"interjected", V_INV}, {"interjecting", V_ING}, {"interjects", V_INV},
    {"interrupted", V_INV}, {"interrupting", V_ING}, {"interrupts", V_INV}, {"jeered", V_INV},
    {"jeering", V_ING}, {"jeers", V_INV | V_NOUN}, {"joked", V_INV}, {"jokes", V_INV | V_NOUN},
    {"joking", V_ING}, {"labeled", V_PART}, {"labeling", V_ING | V_PART}, {"labelled", V_PART},
    {"labelling", V_ING | V_PART}, {"labels", V_PART | V_NOUN}, {"lamented", V_PART},
    {"lamenting", V_ING}, {"laments", V_INV | V_NOUN}, {"likened", V_PART},
    {"likening", V_ING | V_PART}, {"likens", V_PART}, {"maintained", V_INV},
    {"maintaining", V_ING}, {"maintains", V_INV}, {"marveled", V_INV}, {"marveling", V_ING},
    {"marvels", V_INV}, {"mentioned", V_INV}, {"mentioning", V_ING},
    {"mentions", V_INV | V_NOUN}, {"messaged", 0}, {"mocked", V_PART},
    {"mocking", V_ING | V_PART}, {"mocks", V_PART}, {"murmured", V_INV}, {"murmuring", V_ING},
    {"murmurs", V_INV}, {"mused", V_INV}, {"muses", V_INV}, {"musing", V_ING},
    {"muttered", V_INV}, {"muttering", V_ING}, {"mutters", V_INV}, {"narrated", V_INV},
    {"narrates", V_INV}, {"narrating", V_ING}, {"noted", V_INV}, {"notes", V_INV | V_NOUN},
    {"noting", V_ING}, {"objected", V_INV}, {"objecting", V_ING}, {"objects", V_INV | V_NOUN},
    {"observed", V_INV}, {"observes", V_INV}, {"observing", V_ING}, {"offered", 0},
    {"pleaded", V_INV}, {"pleading", V_ING}, {"pleads", V_INV}, {"pledged", V_PART},
    {"pledges", V_PART | V_NOUN}, {"pledging", V_ING | V_PART}, {"posted", 0},
    {"praised", V_PART}, {"praises", V_PART}, {"praising", V_ING | V_PART}, {"prayed", V_INV},
    {"praying", V_ING}, {"prays", V_INV}, {"predicted", V_INV}, {"predicting", V_ING},
    {"predicts", V_INV}, {"proclaimed", V_INV}, {"proclaiming", V_ING}, {"proclaims", V_INV},
    {"promised", 0}, {"promises", V_PART | V_NOUN}, {"promising", V_ING},
    {"pronounced", V_INV}, {"pronounces", V_INV}, {"pronouncing", V_ING}, {"proposed", V_INV},
    {"proposes", V_INV}, {"proposing", V_ING}, {"protested", V_INV}, {"protesting", V_ING},
    {"protests", V_INV | V_NOUN}, {"put", 0}, {"quipped", V_INV}, {"quipping", V_ING},
    {"quips", V_INV | V_NOUN}, {"quoted", V_INV}, {"quotes", V_INV | V_NOUN},
    {"quoting", V_ING}, {"railed", V_INV}, {"railing", V_ING}, {"rails", V_INV | V_NOUN},
    {"ranted", V_INV}, {"ranting", V_ING}, {"rants", V_INV | V_NOUN}, {"reasoned", V_INV},
    {"reasoning", V_ING}, {"reasons", V_INV | V_NOUN}, {"reassured", V_INV},
    {"reassures", V_INV}, {"reassuring", V_ING}, {"rebuked", V_INV}, {"rebukes", V_INV},
    {"rebuking", V_ING}, {"recalled", V_INV}, {"recalling", V_ING}, {"recalls", V_INV},
    {"recited", V_INV}, {"recites", V_INV}, {"reciting", V_ING}, {"recommended", V_INV},
    {"recommending", V_ING}, {"recommends", V_INV}, {"recounted", V_INV},
    {"recounting", V_ING}, {"recounts", V_INV}, {"referred", V_PART},
    {"referring", V_ING | V_PART}, {"refers", V_PART}, {"reflected", V_INV},
    {"reflecting", V_ING}, {"reflects", V_INV}, {"reiterated", V_INV}, {"reiterates", V_INV},
    {"reiterating", V_ING}, {"remarked", V_INV}, {"remarking", V_ING},
    {"remarks", V_INV | V_NOUN}, {"repeated", V_INV}, {"repeating", V_ING}, {"repeats", V_INV},
    {"replied", V_INV}, {"replies", V_INV | V_NOUN}, {"replying", V_ING}, {"reported", V_INV},
    {"reporting", V_ING}, {"reports", V_INV | V_NOUN}, {"responded", V_INV},
    {"responding", V_ING}, {"responds", V_INV}, {"retorted", V_INV}, {"retorting", V_ING},
    {"retorts", V_INV}, {"revealed", V_INV}, {"revealing", V_ING}, {"reveals", V_INV},
    {"roared", V_INV}, {"roaring", V_ING}, {"roars", V_INV | V_NOUN}, {"ruled", V_INV},
    {"rules", V_INV | V_NOUN}, {"ruling", V_ING}, {"said", V_INV}, {"sang", V_INV}, {"say", 0},
    {"saying", V_ING}, {"says", V_INV}, {"scoffed", V_INV}, {"scoffing", V_ING},
    {"scoffs", V_INV}, {"scolded", V_INV}, {"scolding", V_ING}, {"scolds", V_INV},
    {"screamed", V_INV}, {"screaming", V_ING}, {"screams", V_INV}, {"shared", 0},
    {"shouted", V_INV}, {"shouting", V_ING}, {"shouts", V_INV | V_NOUN}, {"sighed", V_INV},
    {"sighing", V_ING}, {"sighs", V_INV | V_NOUN}, {"singing", V_ING}, {"sings", V_INV},
    {"slammed", V_PART}, {"slamming", V_ING | V_PART}, {"slams", V_PART}, {"snapped", V_INV},
    {"snapping", V_ING}, {"snaps", V_INV}, {"speculated", V_INV}, {"speculates", V_INV},
    {"speculating", V_ING}, {"stated", V_INV}, {"states", V_INV | V_NOUN}, {"stating", V_ING},
    {"stressed", V_INV}, {"stresses", V_INV}, {"stressing", V_ING}, {"suggested", V_INV},
    {"suggesting", V_ING}, {"suggests", V_INV}, {"surmised", V_INV}, {"surmises", V_INV},
    {"surmising", V_ING}, {"taunted", V_INV}, {"taunting", V_ING}, {"taunts", V_INV | V_NOUN},
    {"teased", V_INV}, {"teases", V_INV}, {"teasing", V_ING}, {"telling", V_ING}, {"tells", 0},
    {"termed", V_PART}, {"terming", V_ING | V_PART}, {"terms", V_PART | V_NOUN},
    {"testified", V_INV}, {"testifies", V_INV}, {"testifying", V_ING}, {"texted", V_INV},
    {"texting", V_ING}, {"texts", V_INV | V_NOUN}, {"theorized", V_INV}, {"theorizes", V_INV},
    {"theorizing", V_ING}, {"threatened", V_PART}, {"threatening", V_ING | V_PART},
    {"threatens", V_PART}, {"thundered", V_INV}, {"thundering", V_ING}, {"thunders", V_INV},
    {"told", 0}, {"tweeted", V_INV}, {"tweeting", V_ING}, {"tweets", V_INV | V_NOUN},
    {"underscored", V_INV}, {"underscores", V_INV}, {"underscoring", V_ING}, {"urged", 0},
    {"urges", 0}, {"urging", V_ING}, {"vented", V_INV}, {"venting", V_ING}, {"vents", V_INV},
    {"vowed", 0}, {"vowing", V_ING}, {"vows", 0}, {"warned", V_INV}, {"warning", V_ING},
    {"warns", V_INV}, {"whispered", V_INV}, {"whispering", V_ING}, {"whispers", V_INV},
    {"wondered", V_INV}, {"wondering", V_ING}, {"wonders", V_INV | V_NOUN}, {"writes", V_INV},
    {"writing", V_ING}, {"wrote", V_INV}, {"yelled", V_INV}, {"yelling", V_ING},
    {"yells", V_INV},
};

static int verb_cmp(const void *key, const void *elem)
{
    return strcmp((const char *)key, ((const struct verb *)elem)->word);
}

/* The table is in strcmp order and searched by halves: it is long, and
 * this is asked of most tokens near a quote. */
int nb_quotes_verb_flags(const char *s, size_t len)
{
    char low[16];
    if (len < 3 || len >= sizeof(low))
        return 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!nb_ascii_is_alpha(c))
            return 0;
        low[i] = (char)nb_ascii_lower(c);
    }
    low[len] = '\0';
    const struct verb *v =
        bsearch(low, verbs, sizeof(verbs) / sizeof(verbs[0]), sizeof(verbs[0]), verb_cmp);
    return v ? v->flags | NB_QUOTES_V_SPEECH : 0;
}

/* ---- the other lists --------------------------------------------------- */

/* Words that lose their first letters to an apostrophe: 'n' 'em 'til. */
static const char *const elisions[] = {"n", "em", "til", "cause", "tis", "twas", "bout",
                                       "round", "nuff", "ol", "im", "cos", "til"};

/* Words that end a noun phrase read backwards from a verb (and the names
 * of months and days: text/calendar.h). */
static const char *const np_stops[] = {
    "that", "which", "who", "whom", "whose", "when", "where", "while", "as", "but",
    "because", "after", "before", "if", "and", "or", "so", "than", "in", "on", "at",
    "with", "to", "from", "by", "during", "is", "was", "were", "are", "be", "been",
    "being", "has", "have", "had", "it", "this", "these", "those", "there", "here",
    "not", "no", "also", "then", "later", "earlier", "once", "again", "yesterday",
    "today", "tonight", "last", "week",
    "recently", "previously", "would", "will", "could", "should", "might", "may",
    "can", "did", "does", "do", "he", "she", "they", "we", "i", "you", "said",
    "says", "what", "how", "why", "about", "into", "over", "under", "like",
    "since", "until", "though", "although", "however", "meanwhile", "even",
    "just", "only", "still", "now", "already", "us", "them", "him", "her", "me",
    "its", "his", "their", "our", "my", "your", "some", "many", "all", "more",
    "most", "such", "both", "each", "every", "other", "another", "ago", "year",
    "month", "day", "morning", "afternoon", "evening", "night", "reporters",
};

/* Adverbs and auxiliaries between a subject and its verb: "Berg also said". */
static const char *const verb_adverbs[] = {
    "also", "later", "then", "again", "once", "previously", "recently", "has", "had",
    "have", "would", "will", "did", "does", "once", "has", "simply", "just", "even",
    "further", "often", "repeatedly", "frequently", "flatly", "bluntly", "told",
};

static const char *const possessives[] = {"my", "his", "her", "their", "our", "its", "your"};
static const char *const pronouns_m[] = {"he"};
static const char *const pronouns_f[] = {"she"};
static const char *const pronouns_other[] = {"they", "it", "i", "we", "you", "who"};

/* Honorifics: dropped from the name, they tell the gender. */
static const struct {
    const char *word;
    int gender;
} honorifics[] = {
    {"mr", 1}, {"mr.", 1}, {"mister", 1}, {"sir", 1}, {"lord", 1}, {"mrs", 2}, {"mrs.", 2},
    {"ms", 2}, {"ms.", 2}, {"miss", 2}, {"dame", 2}, {"lady", 2}, {"dr", 0}, {"dr.", 0},
    {"prof", 0}, {"prof.", 0}, {"professor", 0}, {"m.", 1}, {"mme", 2}, {"mme.", 2},
};

/* Titles before a name: kept as the role. */
static const char *const titles[] = {
    "president", "vice", "prime", "minister", "secretary", "senator", "sen.", "sen",
    "rep.", "rep", "representative", "congressman", "congresswoman", "gov.", "gov",
    "governor", "mayor", "chancellor", "judge", "justice", "chairman", "chairwoman",
    "chair", "chief", "general", "gen.", "adm.", "admiral", "col.", "colonel", "lt.",
    "lieutenant", "sgt.", "sergeant", "capt.", "captain", "maj.", "major",
    "commissioner", "director", "ambassador", "speaker", "leader", "attorney",
    "deputy", "pope", "king", "queen", "prince", "princess", "sheikh", "rabbi",
    "rev.", "reverend", "father", "bishop", "archbishop", "cardinal", "coach",
    "officer", "detective", "inspector", "superintendent", "sheriff", "councillor",
    "councilman", "councilwoman", "councilor", "alderman", "state", "foreign",
    "defense", "defence", "interior", "finance", "health", "homeland", "security",
    "former", "acting", "senior", "assistant", "associate", "executive", "ceo",
    "founder", "gop", "democratic", "republican", "house", "senate", "majority",
    "minority", "whip", "nominee", "candidate", "presidential", "first", "lady",
    "of", "the", "for", "treasury", "labor", "labour", "education", "energy",
    "commerce", "agriculture", "transportation", "trade", "economy", "press",
    "spokesman", "spokeswoman", "spokesperson", "sen.", "del.", "atty.", "supt.",
    "insp.", "det.", "cllr", "gen", "u.s.", "us", "uk", "u.k.", "eu", "un", "u.n.",
    /* occupations written like titles: "Historian Douglas Brinkley" */
    "forecaster", "historian", "economist", "analyst", "activist", "lawyer", "doctor",
    "scientist", "researcher", "engineer", "author", "writer", "journalist", "reporter",
    "columnist", "official", "manager", "owner", "farmer", "fisherman", "teacher",
    "student", "resident", "pastor", "nurse", "architect", "strategist", "pollster",
    "consultant", "adviser", "advisor", "aide", "veteran", "expert", "referee",
    "rival", "economists", "singer", "actor", "actress", "director", "producer",
};

/* Words that make a capitalised run an organisation or a place. */
static const char *const org_words[] = {
    "department", "ministry", "house", "party", "court", "committee", "commission",
    "council", "university", "college", "school", "agency", "service", "office",
    "bank", "association", "institute", "foundation", "group", "company", "inc",
    "inc.", "corp", "corp.", "co.", "ltd", "llc", "news", "times", "post", "journal",
    "press", "network", "campaign", "administration", "government", "police",
    "board", "union", "states", "republic", "kingdom", "federation", "city",
    "county", "state", "center", "centre", "centers", "organization",
    "organisation", "fund", "authority", "bureau", "force", "army", "navy",
    "reuters", "cnn", "bbc", "nbc", "abc", "cbs", "fox", "msnbc", "associated",
    "senate", "congress", "parliament", "cabinet", "pentagon", "kremlin",
    "street", "avenue", "club", "team", "league", "project", "coalition",
    "alliance", "caucus", "institution", "hospital", "church", "review", "magazine",
    "guardian", "telegraph", "tribune", "herald", "gazette", "daily", "weekly",
    "report", "study", "poll", "survey", "statement", "website", "blog",
};

/* Capitalised words that are not names (sentence openers...; and the
 * names of months and days: text/calendar.h). */
static const char *const cap_stops[] = {
    "a",
    "an",
    "the",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "for",
    "with",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "these",
    "those",
    "his",
    "her",
    "their",
    "its",
    "our",
    "my",
    "your",
    "as",
    "after",
    "before",
    "when",
    "while",
    "if",
    "yet",
    "so",
    "still",
    "even",
    "also",
    "then",
    "there",
    "here",
    "what",
    "who",
    "why",
    "how",
    "where",
    "which",
    "to",
    "from",
    "by",
    "of",
    "about",
    "asked",
    "according",
    "meanwhile",
    "however",
    "since",
    "during",
    "despite",
    "although",
    "though",
    "because",
    "now",
    "not",
    "no",
    "yes",
    "some",
    "many",
    "most",
    "all",
    "both",
    "each",
    "every",
    "one",
    "two",
    "three",
    "first",
    "last",
    "next",
    "more",
    "other",
    "another",
    "such",
    "only",
    "just",
    "is",
    "was",
    "are",
    "were",
    "will",
    "would",
    "said",
    "says",
    "mr",
    "mrs",
    "ms",
    "dr",
    "do",
    "does",
    "did",
    "can",
    "could",
    "should",
    "let",
    "we're",
    "it's",
    "i'm",
    "don't",
    "like",
    "well",
    "oh",
    "sure",
    "thank",
    "thanks",
    "please",
    "dear",
    "god",
    "america",
    "american",
    "americans",
    "united",
    "new",
    "north",
    "south",
    "east",
    "west",
    "washington",
    "read",
    "follow",
    "watch",
    "click",
    "photo",
    "video",
    "image",
    "getty",
    "ap",
    "afp",
    "reuters",
    "update",
    "updated",
    "breaking",
    "editor's",
    "note",
    /* page furniture: "Article Continued Below", "Advertisement" */
    "article",
    "continued",
    "continues",
    "below",
    "advertisement",
    "sponsored",
    "subscribe",
    "related",
};

/* Capitalised words of places that open a name though they open sentences
 * too: "The New York Times", "the United Nations", "South Africa". */
static const char *const place_parts[] = {"new", "north", "south", "east", "west", "united"};

/* Nouns ending like an adverb: "the family said" is no "Berg famously said". */
static const char *const ly_nouns[] = {
    "family", "ally",    "rally",     "assembly", "supply", "monopoly", "bully", "anomaly", "daily",
    "weekly", "monthly", "quarterly", "fly",      "italy",  "july",     "lily",  "emily",
};

/* Open a clause whose verb does not frame what follows: "two hours after
 * news outlets declared him the victor". */
static const char *const subordinators[] = {"after",    "before", "because", "since",  "until",
                                            "although", "though", "while",   "unless", "once"};

/* The last word of an event's name: no one speaks as "the Goldman Sachs
 * Symposium". */
static const char *const event_words[] = {
    "symposium", "conference",  "summit", "festival", "championship", "championships", "tournament",
    "olympics",  "paralympics", "expo",   "gala",     "marathon",     "awards",
};

static const char *const female_words[] = {
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "councilwoman",
    "actress", "mother", "wife", "daughter", "sister", "queen", "princess", "woman",
    "girl", "grandmother", "widow", "lady", "mrs", "mrs.", "ms", "ms.", "miss",
    "dame", "aunt", "niece", "girlfriend", "stepmother", "mom", "mum",
};

static const char *const male_words[] = {
    "spokesman", "chairman", "congressman", "businessman", "councilman", "actor",
    "father", "husband", "son", "brother", "king", "prince", "man", "boy",
    "grandfather", "widower", "mr", "mr.", "sir", "lord", "uncle", "nephew",
    "boyfriend", "stepfather", "dad",
};

/* Nouns for what a person is or does: "Kingsbridge boss Marco Ferri",
 * "the manager said". */
static const char *const role_nouns[] = {
    "boss", "manager", "coach", "captain", "skipper", "striker", "defender", "midfielder",
    "goalkeeper", "keeper", "winger", "forward", "substitute", "player", "referee",
    "chairman", "chairwoman", "chair", "chief", "executive", "director", "minister",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "leader", "councillor",
    "senator", "governor", "mayor", "driver", "forecaster", "economist", "analyst",
    "historian", "scientist", "researcher", "engineer", "lawyer", "attorney", "doctor",
    "surgeon", "nurse", "teacher", "headteacher", "officer", "official", "founder", "owner",
    "veteran", "author", "professor", "astronomer", "astrophysicist", "physicist",
    "biologist", "chemist", "geologist", "investor", "trader", "farmer", "fisherman",
    "campaigner", "activist", "resident", "worker", "pilot", "singer", "actor", "actress",
    "artist", "writer", "journalist", "commissioner", "negotiator", "diplomat",
    "ambassador", "adviser", "advisor", "aide", "candidate", "nominee", "judge",
    "prosecutor", "detective", "inspector", "constable", "sergeant", "admiral", "colonel",
    "umpire", "rider", "cyclist", "runner", "champion", "youngster", "teenager",
    "pensioner", "shopkeeper", "landlord", "tenant", "baker", "chef", "principal", "dean",
    "bishop", "priest", "vicar", "rabbi", "imam", "partner", "strategist", "pollster",
    "consultant", "architect", "planner", "manager", "organiser", "organizer",
    "man", "woman", "mother", "father", "widow", "entrepreneur", "businessman",
    "businesswoman", "designer", "producer", "presenter", "host", "winner",
};

static const char *const name_particles[] = {"de", "van", "von", "der", "den", "del", "da",
                                             "di", "du", "la", "le", "bin", "al", "ibn",
                                             "ben", "dos", "das", "ter", "st."};
static const char *const org_joiners[] = {"of", "for", "and", "on", "the", "&"};

/* Prepositions before the object of a role: "a spokesperson for Granite
 * Coast". */
static const char *const role_preps[] = {"for", "of", "at", "from", "with", "to"};

/* Prepositions inside a subject: "Mr. Morgan of the Sierra Club", "a
 * narrator in the Clinton ad". */
static const char *const subject_preps[] = {"of", "at", "in", "from", "for", "with", "on"};

/* Nationalities standing for a person: "the Pole", "the Dane" (those
 * ending in -ian -an -ese -ish -i -ch are told by their ending). */
static const char *const demonyms[] = {
    "pole", "dane", "swede", "finn", "scot", "greek", "spaniard", "briton", "swiss",
    "thai", "czech", "slovak", "croat", "serb", "turk", "brit", "frenchman",
    "frenchwoman", "englishman", "englishwoman", "welshman", "welshwoman", "irishman",
    "irishwoman", "scotsman", "scotswoman", "dutchman", "dutchwoman", "kiwi", "aussie",
    "argentine", "basque", "arab", "kurd", "uzbek", "kazakh", "tajik", "afghan",
};

/* Capitalised words ending like a nationality that are no people: "the
 * Vatican", "the Taliban". */
static const char *const not_people[] = {"vatican", "taliban", "kremlin", "pentagon",
                                         "commission", "communist", "parish"};

struct list {
    const char *const *words;
    size_t n;
    int calendar; /* the names of months and days belong to the list too */
};

#define LIST(words) {words, sizeof(words) / sizeof(words[0]), 0}
#define LIST_WITH_CALENDAR(words) {words, sizeof(words) / sizeof(words[0]), 1}

/* Indexed by enum nb_quotes_list. */
static const struct list lists[] = {
    [NB_QUOTES_ELISIONS] = LIST(elisions),
    [NB_QUOTES_NP_STOPS] = LIST_WITH_CALENDAR(np_stops),
    [NB_QUOTES_VERB_ADVERBS] = LIST(verb_adverbs),
    [NB_QUOTES_POSSESSIVES] = LIST(possessives),
    [NB_QUOTES_PRONOUNS_M] = LIST(pronouns_m),
    [NB_QUOTES_PRONOUNS_F] = LIST(pronouns_f),
    [NB_QUOTES_PRONOUNS_OTHER] = LIST(pronouns_other),
    [NB_QUOTES_TITLES] = LIST(titles),
    [NB_QUOTES_ORG_WORDS] = LIST(org_words),
    [NB_QUOTES_CAP_STOPS] = LIST_WITH_CALENDAR(cap_stops),
    [NB_QUOTES_FEMALE_WORDS] = LIST(female_words),
    [NB_QUOTES_MALE_WORDS] = LIST(male_words),
    [NB_QUOTES_ROLE_NOUNS] = LIST(role_nouns),
    [NB_QUOTES_NAME_PARTICLES] = LIST(name_particles),
    [NB_QUOTES_ORG_JOINERS] = LIST(org_joiners),
    [NB_QUOTES_ROLE_PREPS] = LIST(role_preps),
    [NB_QUOTES_SUBJECT_PREPS] = LIST(subject_preps),
    [NB_QUOTES_DEMONYMS] = LIST(demonyms),
    [NB_QUOTES_NOT_PEOPLE] = LIST(not_people),
    [NB_QUOTES_PLACE_PARTS] = LIST(place_parts),
    [NB_QUOTES_EVENT_WORDS] = LIST(event_words),
    [NB_QUOTES_LY_NOUNS] = LIST(ly_nouns),
    [NB_QUOTES_SUBORDINATORS] = LIST(subordinators),
};

/* No strlen: called for every entry of the lists. */
int nb_quotes_word_is(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        char c = (char)nb_ascii_lower((unsigned char)s[i]);
        if (!word[i] || c != word[i])
            return 0;
    }
    return word[len] == '\0';
}

int nb_quotes_word_in(enum nb_quotes_list list, const char *s, size_t len)
{
    if ((size_t)list >= sizeof(lists) / sizeof(lists[0]))
        return 0;
    const struct list *l = &lists[list];
    for (size_t i = 0; i < l->n; i++)
        if (nb_quotes_word_is(s, len, l->words[i]))
            return 1;
    return l->calendar && (nb_calendar_month(&nb_calendar_en, s, len, 0) ||
                           nb_calendar_weekday(&nb_calendar_en, s, len, 0));
}

int nb_quotes_honorific(const char *s, size_t len, int *gender)
{
    for (size_t i = 0; i < sizeof(honorifics) / sizeof(honorifics[0]); i++)
        if (nb_quotes_word_is(s, len, honorifics[i].word)) {
            if (gender)
                *gender = honorifics[i].gender;
            return 1;
        }
    return 0;
}
