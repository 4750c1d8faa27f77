/* wordlists.c - the quote finder's word lists, as data.
 *
 * Every list is a static const table of lower-case words in strcmp order,
 * no word twice (nb_quotes_list_unsorted() checks), matched whole and
 * ignoring ASCII case by a search by halves: a capitalised word is looked
 * up in the list of openers for every token read, so a scan would cost.
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
    {"accused", V_PART},
    {"accuses", V_PART},
    {"accusing", V_ING | V_PART},
    {"acknowledged", V_INV},
    {"acknowledges", V_INV},
    {"acknowledging", V_ING},
    {"added", V_INV},
    {"adding", V_ING},
    {"adds", V_INV},
    {"admits", V_INV},
    {"admitted", V_INV},
    {"admitting", V_ING},
    {"admonished", V_INV},
    {"admonishes", V_INV},
    {"admonishing", V_ING},
    {"advised", V_INV},
    {"advises", V_INV},
    {"advising", V_ING},
    {"affirmed", V_INV},
    {"affirming", V_ING},
    {"affirms", V_INV},
    {"agreed", V_INV},
    {"agreeing", V_ING},
    {"agrees", V_INV},
    {"alleged", V_INV},
    {"alleges", V_INV},
    {"alleging", V_ING},
    {"announced", V_INV},
    {"announces", V_INV},
    {"announcing", V_ING},
    {"answered", V_INV},
    {"answering", V_ING},
    {"answers", V_INV | V_NOUN},
    {"applauded", V_PART},
    {"applauding", V_ING | V_PART},
    {"applauds", V_PART},
    {"argued", V_INV},
    {"argues", V_INV},
    {"arguing", V_ING},
    {"asked", V_INV},
    {"asking", V_ING},
    {"asks", V_INV},
    {"asserted", V_INV},
    {"asserting", V_ING},
    {"asserts", V_INV},
    {"assured", V_INV},
    {"assures", V_INV},
    {"assuring", V_ING},
    {"attacked", V_PART},
    {"attacking", V_ING | V_PART},
    {"attacks", V_PART | V_NOUN},
    {"barked", V_INV},
    {"barking", V_ING},
    {"barks", V_INV},
    {"beamed", V_INV},
    {"begged", V_INV},
    {"begging", V_ING},
    {"begs", V_INV},
    {"bellowed", V_INV},
    {"bellowing", V_ING},
    {"bellows", V_INV},
    {"bemoaned", V_PART},
    {"bemoaning", V_ING | V_PART},
    {"bemoans", V_PART},
    {"blamed", V_PART},
    {"blames", V_PART},
    {"blaming", V_ING | V_PART},
    {"blasted", V_PART},
    {"blasting", V_ING | V_PART},
    {"blasts", V_PART | V_NOUN},
    {"blurted", V_INV},
    {"blurting", V_ING},
    {"blurts", V_INV},
    {"boasted", V_INV},
    {"boasting", V_ING},
    {"boasts", V_INV},
    {"boomed", V_INV},
    {"booming", V_ING},
    {"booms", V_INV | V_NOUN},
    {"bragged", V_INV},
    {"bragging", V_ING},
    {"brags", V_INV},
    {"branded", V_PART},
    {"branding", V_ING | V_PART},
    {"brands", V_PART | V_NOUN},
    {"called", V_PART},
    {"calling", V_ING | V_PART},
    {"calls", V_PART | V_NOUN},
    {"cautioned", V_INV},
    {"cautioning", V_ING},
    {"cautions", V_INV},
    {"chanted", V_INV},
    {"chanting", V_ING},
    {"chants", V_INV | V_NOUN},
    {"characterised", V_PART},
    {"characterises", V_PART},
    {"characterising", V_ING | V_PART},
    {"characterized", V_PART},
    {"characterizes", V_PART},
    {"characterizing", V_ING | V_PART},
    {"charged", V_INV},
    {"charges", V_INV | V_NOUN},
    {"charging", V_ING},
    {"chided", V_INV},
    {"chides", V_INV},
    {"chiding", V_ING},
    {"chimed", 0},
    {"chuckled", V_INV},
    {"chuckles", V_INV | V_NOUN},
    {"chuckling", V_ING},
    {"claimed", V_INV},
    {"claiming", V_ING},
    {"claims", V_INV | V_NOUN},
    {"clarified", V_INV},
    {"clarifies", V_INV},
    {"clarifying", V_ING},
    {"commended", V_PART},
    {"commending", V_ING | V_PART},
    {"commends", V_PART},
    {"commented", V_INV},
    {"commenting", V_ING},
    {"comments", V_INV | V_NOUN},
    {"compared", V_PART},
    {"compares", V_PART},
    {"comparing", V_ING | V_PART},
    {"complained", V_INV},
    {"complaining", V_ING},
    {"complains", V_INV},
    {"conceded", V_INV},
    {"concedes", V_INV},
    {"conceding", V_ING},
    {"concluded", V_INV},
    {"concludes", V_INV},
    {"concluding", V_ING},
    {"concurred", V_INV},
    {"concurring", V_ING},
    {"concurs", V_INV},
    {"condemned", V_PART},
    {"condemning", V_ING | V_PART},
    {"condemns", V_PART},
    {"confessed", V_INV},
    {"confesses", V_INV},
    {"confessing", V_ING},
    {"confided", V_INV},
    {"confides", V_INV},
    {"confiding", V_ING},
    {"confirmed", V_INV},
    {"confirming", V_ING},
    {"confirms", V_INV},
    {"contended", V_INV},
    {"contending", V_ING},
    {"contends", V_INV},
    {"continued", V_INV},
    {"continues", V_INV},
    {"continuing", V_ING},
    {"countered", V_INV},
    {"countering", V_ING},
    {"counters", V_INV | V_NOUN},
    {"cried", V_INV},
    {"cries", V_INV | V_NOUN},
    {"criticised", V_PART},
    {"criticises", V_PART},
    {"criticising", V_ING | V_PART},
    {"criticized", V_PART},
    {"criticizes", V_PART},
    {"criticizing", V_ING | V_PART},
    {"crying", V_ING},
    {"declared", V_INV},
    {"declares", V_INV},
    {"declaring", V_ING},
    {"decried", V_PART},
    {"decries", V_PART},
    {"decrying", V_ING | V_PART},
    {"demanded", V_INV},
    {"demanding", V_ING},
    {"demands", V_INV | V_NOUN},
    {"denied", V_INV},
    {"denies", V_INV},
    {"denounced", V_PART},
    {"denounces", V_PART},
    {"denouncing", V_ING | V_PART},
    {"denying", V_ING},
    {"derided", V_PART},
    {"derides", V_PART},
    {"deriding", V_ING | V_PART},
    {"described", V_PART},
    {"describes", V_PART},
    {"describing", V_ING | V_PART},
    {"disagreed", V_INV},
    {"disagreeing", V_ING},
    {"disagrees", V_INV},
    {"disclosed", V_INV},
    {"discloses", V_INV},
    {"disclosing", V_ING},
    {"dismissed", V_PART},
    {"dismisses", V_PART},
    {"dismissing", V_ING | V_PART},
    {"dubbed", V_PART},
    {"dubbing", V_ING | V_PART},
    {"dubs", V_PART},
    {"echoed", V_INV},
    {"echoes", V_INV | V_NOUN},
    {"echoing", V_ING},
    {"elaborated", V_INV},
    {"elaborates", V_INV},
    {"elaborating", V_ING},
    {"emailed", V_INV},
    {"emailing", V_ING},
    {"emails", V_INV | V_NOUN},
    {"emphasised", V_INV},
    {"emphasises", V_INV},
    {"emphasising", V_ING},
    {"emphasized", V_INV},
    {"emphasizes", V_INV},
    {"emphasizing", V_ING},
    {"enthused", V_INV},
    {"enthuses", V_INV},
    {"enthusing", V_ING},
    {"exclaimed", V_INV},
    {"exclaiming", V_ING},
    {"exclaims", V_INV},
    {"explained", V_INV},
    {"explaining", V_ING},
    {"explains", V_INV},
    {"fumed", V_INV},
    {"fumes", V_INV | V_NOUN},
    {"fuming", V_ING},
    {"gasped", V_INV},
    {"gasping", V_ING},
    {"gasps", V_INV | V_NOUN},
    {"gloated", V_INV},
    {"gloating", V_ING},
    {"gloats", V_INV},
    {"griped", V_INV},
    {"gripes", V_INV | V_NOUN},
    {"griping", V_ING},
    {"growled", V_INV},
    {"growling", V_ING},
    {"growls", V_INV | V_NOUN},
    {"grumbled", V_INV},
    {"grumbles", V_INV},
    {"grumbling", V_ING},
    {"gushed", V_INV},
    {"gushes", V_INV},
    {"gushing", V_ING},
    {"hailed", V_PART},
    {"hailing", V_ING | V_PART},
    {"hails", V_PART},
    {"hinted", V_INV},
    {"hinting", V_ING},
    {"hints", V_INV | V_NOUN},
    {"hollered", V_INV},
    {"hollering", V_ING},
    {"hollers", V_INV | V_NOUN},
    {"huffed", V_INV},
    {"huffing", V_ING},
    {"huffs", V_INV | V_NOUN},
    {"inquired", V_INV},
    {"inquires", V_INV},
    {"inquiring", V_ING},
    {"insisted", V_INV},
    {"insisting", V_ING},
    {"insists", V_INV},
    {"interjected", V_INV},
    {"interjecting", V_ING},
    {"interjects", V_INV},
    {"interrupted", V_INV},
    {"interrupting", V_ING},
    {"interrupts", V_INV},
    {"jeered", V_INV},
    {"jeering", V_ING},
    {"jeers", V_INV | V_NOUN},
    {"joked", V_INV},
    {"jokes", V_INV | V_NOUN},
    {"joking", V_ING},
    {"labeled", V_PART},
    {"labeling", V_ING | V_PART},
    {"labelled", V_PART},
    {"labelling", V_ING | V_PART},
    {"labels", V_PART | V_NOUN},
    {"lamented", V_PART},
    {"lamenting", V_ING},
    {"laments", V_INV | V_NOUN},
    {"likened", V_PART},
    {"likening", V_ING | V_PART},
    {"likens", V_PART},
    {"maintained", V_INV},
    {"maintaining", V_ING},
    {"maintains", V_INV},
    {"marveled", V_INV},
    {"marveling", V_ING},
    {"marvelled", V_INV},
    {"marvelling", V_ING},
    {"marvels", V_INV},
    {"mentioned", V_INV},
    {"mentioning", V_ING},
    {"mentions", V_INV | V_NOUN},
    {"messaged", 0},
    {"moaned", V_INV},
    {"moaning", V_ING},
    {"moans", V_INV | V_NOUN},
    {"mocked", V_PART},
    {"mocking", V_ING | V_PART},
    {"mocks", V_PART},
    {"mumbled", V_INV},
    {"mumbles", V_INV | V_NOUN},
    {"mumbling", V_ING},
    {"murmured", V_INV},
    {"murmuring", V_ING},
    {"murmurs", V_INV},
    {"mused", V_INV},
    {"muses", V_INV},
    {"musing", V_ING},
    {"muttered", V_INV},
    {"muttering", V_ING},
    {"mutters", V_INV},
    {"narrated", V_INV},
    {"narrates", V_INV},
    {"narrating", V_ING},
    {"noted", V_INV},
    {"notes", V_INV | V_NOUN},
    {"noting", V_ING},
    {"objected", V_INV},
    {"objecting", V_ING},
    {"objects", V_INV | V_NOUN},
    {"observed", V_INV},
    {"observes", V_INV},
    {"observing", V_ING},
    {"offered", 0},
    {"pleaded", V_INV},
    {"pleading", V_ING},
    {"pleads", V_INV},
    {"pledged", V_PART},
    {"pledges", V_PART | V_NOUN},
    {"pledging", V_ING | V_PART},
    {"posted", 0},
    {"praised", V_PART},
    {"praises", V_PART},
    {"praising", V_ING | V_PART},
    {"prayed", V_INV},
    {"praying", V_ING},
    {"prays", V_INV},
    {"predicted", V_INV},
    {"predicting", V_ING},
    {"predicts", V_INV},
    {"proclaimed", V_INV},
    {"proclaiming", V_ING},
    {"proclaims", V_INV},
    {"promised", 0},
    {"promises", V_PART | V_NOUN},
    {"promising", V_ING},
    {"pronounced", V_INV},
    {"pronounces", V_INV},
    {"pronouncing", V_ING},
    {"proposed", V_INV},
    {"proposes", V_INV},
    {"proposing", V_ING},
    {"protested", V_INV},
    {"protesting", V_ING},
    {"protests", V_INV | V_NOUN},
    {"put", 0},
    {"queried", V_INV},
    {"queries", V_INV | V_NOUN},
    {"querying", V_ING},
    {"quipped", V_INV},
    {"quipping", V_ING},
    {"quips", V_INV | V_NOUN},
    {"quoted", V_INV},
    {"quotes", V_INV | V_NOUN},
    {"quoting", V_ING},
    {"railed", V_INV},
    {"railing", V_ING},
    {"rails", V_INV | V_NOUN},
    {"ranted", V_INV},
    {"ranting", V_ING},
    {"rants", V_INV | V_NOUN},
    {"raved", V_INV},
    {"raves", V_INV | V_NOUN},
    {"raving", V_ING},
    {"read", V_INV},
    {"reads", V_INV},
    {"reasoned", V_INV},
    {"reasoning", V_ING},
    {"reasons", V_INV | V_NOUN},
    {"reassured", V_INV},
    {"reassures", V_INV},
    {"reassuring", V_ING},
    {"rebuked", V_INV},
    {"rebukes", V_INV},
    {"rebuking", V_ING},
    {"recalled", V_INV},
    {"recalling", V_ING},
    {"recalls", V_INV},
    {"recited", V_INV},
    {"recites", V_INV},
    {"reciting", V_ING},
    {"reckoned", V_INV},
    {"reckoning", V_ING},
    {"reckons", V_INV},
    {"recommended", V_INV},
    {"recommending", V_ING},
    {"recommends", V_INV},
    {"recounted", V_INV},
    {"recounting", V_ING},
    {"recounts", V_INV},
    {"referred", V_PART},
    {"referring", V_ING | V_PART},
    {"refers", V_PART},
    {"reflected", V_INV},
    {"reflecting", V_ING},
    {"reflects", V_INV},
    {"reiterated", V_INV},
    {"reiterates", V_INV},
    {"reiterating", V_ING},
    {"remarked", V_INV},
    {"remarking", V_ING},
    {"remarks", V_INV | V_NOUN},
    {"remembered", V_INV},
    {"remembers", V_INV},
    {"repeated", V_INV},
    {"repeating", V_ING},
    {"repeats", V_INV},
    {"replied", V_INV},
    {"replies", V_INV | V_NOUN},
    {"replying", V_ING},
    {"reported", V_INV},
    {"reporting", V_ING},
    {"reports", V_INV | V_NOUN},
    {"responded", V_INV},
    {"responding", V_ING},
    {"responds", V_INV},
    {"retaliated", V_INV},
    {"retaliates", V_INV},
    {"retorted", V_INV},
    {"retorting", V_ING},
    {"retorts", V_INV},
    {"revealed", V_INV},
    {"revealing", V_ING},
    {"reveals", V_INV},
    {"roared", V_INV},
    {"roaring", V_ING},
    {"roars", V_INV | V_NOUN},
    {"ruled", V_INV},
    {"rules", V_INV | V_NOUN},
    {"ruling", V_ING},
    {"said", V_INV},
    {"sang", V_INV},
    {"say", 0},
    {"saying", V_ING},
    {"says", V_INV},
    {"scoffed", V_INV},
    {"scoffing", V_ING},
    {"scoffs", V_INV},
    {"scolded", V_INV},
    {"scolding", V_ING},
    {"scolds", V_INV},
    {"screamed", V_INV},
    {"screaming", V_ING},
    {"screams", V_INV},
    {"shared", 0},
    {"shouted", V_INV},
    {"shouting", V_ING},
    {"shouts", V_INV | V_NOUN},
    {"shrieked", V_INV},
    {"shrieking", V_ING},
    {"shrieks", V_INV | V_NOUN},
    {"sighed", V_INV},
    {"sighing", V_ING},
    {"sighs", V_INV | V_NOUN},
    {"singing", V_ING},
    {"sings", V_INV},
    {"slammed", V_PART},
    {"slamming", V_ING | V_PART},
    {"slams", V_PART},
    {"snapped", V_INV},
    {"snapping", V_ING},
    {"snaps", V_INV},
    {"sneered", V_INV},
    {"sneering", V_ING},
    {"sneers", V_INV | V_NOUN},
    {"sniffed", V_INV},
    {"sniffing", V_ING},
    {"sniffs", V_INV | V_NOUN},
    {"snorted", V_INV},
    {"snorting", V_ING},
    {"snorts", V_INV | V_NOUN},
    {"speculated", V_INV},
    {"speculates", V_INV},
    {"speculating", V_ING},
    {"stammered", V_INV},
    {"stammering", V_ING},
    {"stammers", V_INV},
    {"stated", V_INV},
    {"states", V_INV | V_NOUN},
    {"stating", V_ING},
    {"stressed", V_INV},
    {"stresses", V_INV},
    {"stressing", V_ING},
    {"suggested", V_INV},
    {"suggesting", V_ING},
    {"suggests", V_INV},
    {"surmised", V_INV},
    {"surmises", V_INV},
    {"surmising", V_ING},
    {"taunted", V_INV},
    {"taunting", V_ING},
    {"taunts", V_INV | V_NOUN},
    {"teased", V_INV},
    {"teases", V_INV},
    {"teasing", V_ING},
    {"telling", V_ING},
    {"tells", 0},
    {"termed", V_PART},
    {"terming", V_ING | V_PART},
    {"terms", V_PART | V_NOUN},
    {"testified", V_INV},
    {"testifies", V_INV},
    {"testifying", V_ING},
    {"texted", V_INV},
    {"texting", V_ING},
    {"texts", V_INV | V_NOUN},
    {"theorized", V_INV},
    {"theorizes", V_INV},
    {"theorizing", V_ING},
    {"threatened", V_PART},
    {"threatening", V_ING | V_PART},
    {"threatens", V_PART},
    {"thundered", V_INV},
    {"thundering", V_ING},
    {"thunders", V_INV},
    {"told", 0},
    {"tweeted", V_INV},
    {"tweeting", V_ING},
    {"tweets", V_INV | V_NOUN},
    {"underscored", V_INV},
    {"underscores", V_INV},
    {"underscoring", V_ING},
    {"urged", 0},
    {"urges", 0},
    {"urging", V_ING},
    {"vented", V_INV},
    {"venting", V_ING},
    {"vents", V_INV},
    {"ventured", V_INV},
    {"ventures", V_INV | V_NOUN},
    {"venturing", V_ING},
    {"vowed", 0},
    {"vowing", V_ING},
    {"vows", 0},
    {"warned", V_INV},
    {"warning", V_ING},
    {"warns", V_INV},
    {"whispered", V_INV},
    {"whispering", V_ING},
    {"whispers", V_INV},
    {"wondered", V_INV},
    {"wondering", V_ING},
    {"wonders", V_INV | V_NOUN},
    {"writes", V_INV},
    {"writing", V_ING},
    {"wrote", V_INV},
    {"yelled", V_INV},
    {"yelling", V_ING},
    {"yells", V_INV},
};

static int verb_cmp(const void *key, const void *elem)
{
    const unsigned char *a = key, *b = (const unsigned char *)((const struct verb *)elem)->word;
    while (*a && *a == *b) { /* strcmp's order, inline */
        a++;
        b++;
    }
    return *a - *b;
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
static const char *const elisions[] = {
    "bout", "cause", "cos", "em", "im", "n", "nuff", "ol", "round", "til", "tis", "twas",
};

/* Words that end a noun phrase read backwards from a verb (and the names
 * of months and days: text/calendar.h). */
static const char *const np_stops[] = {
    "about",      "after",    "afternoon", "again",     "ago",       "all",   "already",
    "also",       "although", "and",       "another",   "are",       "as",    "at",
    "be",         "because",  "been",      "before",    "being",     "both",  "but",
    "by",         "can",      "could",     "day",       "did",       "do",    "does",
    "during",     "each",     "earlier",   "even",      "evening",   "every", "from",
    "had",        "has",      "have",      "he",        "her",       "here",  "him",
    "his",        "how",      "however",   "i",         "if",        "in",    "into",
    "is",         "it",       "its",       "just",      "last",      "later", "like",
    "many",       "may",      "me",        "meanwhile", "might",     "month", "more",
    "morning",    "most",     "my",        "night",     "no",        "not",   "now",
    "on",         "once",     "only",      "or",        "other",     "our",   "over",
    "previously", "recently", "reporters", "said",      "says",      "she",   "should",
    "since",      "so",       "some",      "still",     "such",      "than",  "that",
    "their",      "them",     "then",      "there",     "these",     "they",  "this",
    "those",      "though",   "to",        "today",     "tonight",   "under", "until",
    "us",         "was",      "we",        "week",      "were",      "what",  "when",
    "where",      "which",    "while",     "who",       "whom",      "whose", "why",
    "will",       "with",     "would",     "year",      "yesterday", "you",   "your",
};

/* Adverbs and auxiliaries between a subject and its verb: "Berg also said". */
static const char *const verb_adverbs[] = {
    "again",      "also",     "bluntly",    "did",    "does", "even",  "flatly", "frequently",
    "further",    "had",      "has",        "have",   "just", "later", "often",  "once",
    "previously", "recently", "repeatedly", "simply", "then", "told",  "will",   "would",
};

static const char *const possessives[] = {
    "her", "his", "its", "my", "our", "their", "your",
};
static const char *const pronouns_m[] = {
    "he",
};
static const char *const pronouns_f[] = {
    "she",
};
static const char *const pronouns_other[] = {
    "i", "it", "they", "we", "who", "you",
};

/* Honorifics: dropped from the name, they tell the gender.  Two to nine
 * bytes, starting with m, s, l, d or p: nb_quotes_honorific() turns every
 * other word away, and reads only the table of its first letter. */
struct honorific {
    const char *word;
    int gender;
};
static const struct honorific honorifics_m[] = {
    {"mr", 1},  {"mr.", 1},  {"mister", 1}, {"mrs", 2}, {"mrs.", 2}, {"ms", 2},
    {"ms.", 2}, {"miss", 2}, {"m.", 1},     {"mme", 2}, {"mme.", 2},
};
static const struct honorific honorifics_s[] = {
    {"sir", 1},
};
static const struct honorific honorifics_l[] = {
    {"lord", 1},
    {"lady", 2},
};
static const struct honorific honorifics_d[] = {
    {"dame", 2},
    {"dr", 0},
    {"dr.", 0},
};
static const struct honorific honorifics_p[] = {
    {"prof", 0},
    {"prof.", 0},
    {"professor", 0},
};

/* Titles before a name: kept as the role. */
static const char *const titles[] = {
    /* among them occupations written like titles: "Historian Douglas Brinkley" */
    "acting",
    "activist",
    "actor",
    "actress",
    "adm.",
    "admiral",
    "adviser",
    "advisor",
    "agriculture",
    "aide",
    "alderman",
    "ambassador",
    "analyst",
    "archbishop",
    "architect",
    "assistant",
    "associate",
    "attorney",
    "atty.",
    "author",
    "bishop",
    "candidate",
    "capt.",
    "captain",
    "cardinal",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "cllr",
    "coach",
    "col.",
    "colonel",
    "columnist",
    "commerce",
    "commissioner",
    "congressman",
    "congresswoman",
    "consultant",
    "councillor",
    "councilman",
    "councilor",
    "councilwoman",
    "defence",
    "defense",
    "del.",
    "democratic",
    "deputy",
    "det.",
    "detective",
    "director",
    "doctor",
    "economist",
    "economists",
    "economy",
    "education",
    "energy",
    "engineer",
    "eu",
    "executive",
    "expert",
    "farmer",
    "father",
    "finance",
    "first",
    "fisherman",
    "for",
    "forecaster",
    "foreign",
    "former",
    "founder",
    "gen",
    "gen.",
    "general",
    "gop",
    "gov",
    "gov.",
    "governor",
    "health",
    "historian",
    "homeland",
    "house",
    "insp.",
    "inspector",
    "interior",
    "journalist",
    "judge",
    "justice",
    "king",
    "labor",
    "labour",
    "lady",
    "lawyer",
    "leader",
    "lieutenant",
    "lt.",
    "maj.",
    "major",
    "majority",
    "manager",
    "mayor",
    "minister",
    "minority",
    "nominee",
    "nurse",
    "of",
    "officer",
    "official",
    "owner",
    "pastor",
    "pollster",
    "pope",
    "president",
    "presidential",
    "press",
    "prime",
    "prince",
    "princess",
    "producer",
    "queen",
    "rabbi",
    "referee",
    "rep",
    "rep.",
    "reporter",
    "representative",
    "republican",
    "researcher",
    "resident",
    "rev.",
    "reverend",
    "rival",
    "scientist",
    "secretary",
    "security",
    "sen",
    "sen.",
    "senate",
    "senator",
    "senior",
    "sergeant",
    "sgt.",
    "sheikh",
    "sheriff",
    "singer",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "strategist",
    "student",
    "superintendent",
    "supt.",
    "teacher",
    "the",
    "trade",
    "transportation",
    "treasury",
    "u.k.",
    "u.n.",
    "u.s.",
    "uk",
    "un",
    "us",
    "veteran",
    "vice",
    "whip",
    "writer",
};

/* Words that make a capitalised run an organisation or a place. */
static const char *const org_words[] = {
    "abc",          "administration",
    "agency",       "alliance",
    "army",         "associated",
    "association",  "authority",
    "avenue",       "bank",
    "bbc",          "blog",
    "board",        "bureau",
    "cabinet",      "campaign",
    "caucus",       "cbs",
    "center",       "centers",
    "centre",       "church",
    "city",         "club",
    "cnn",          "co.",
    "coalition",    "college",
    "commission",   "committee",
    "company",      "congress",
    "corp",         "corp.",
    "council",      "county",
    "court",        "daily",
    "department",   "federation",
    "force",        "foundation",
    "fox",          "fund",
    "gazette",      "government",
    "group",        "guardian",
    "herald",       "hospital",
    "house",        "inc",
    "inc.",         "institute",
    "institution",  "journal",
    "kingdom",      "kremlin",
    "league",       "llc",
    "ltd",          "magazine",
    "ministry",     "msnbc",
    "navy",         "nbc",
    "network",      "news",
    "office",       "organisation",
    "organization", "parliament",
    "party",        "pentagon",
    "police",       "poll",
    "post",         "press",
    "project",      "report",
    "republic",     "reuters",
    "review",       "school",
    "senate",       "service",
    "state",        "statement",
    "states",       "street",
    "study",        "survey",
    "team",         "telegraph",
    "times",        "tribune",
    "union",        "university",
    "website",      "weekly",
};

/* Capitalised words that are not names (sentence openers...; and the
 * names of months and days: text/calendar.h). */
static const char *const cap_stops[] = {
    /* among them page furniture ("Article Continued Below", "Advertisement")
     * and discourse openers ("Likewise, a paper ... had this to say:") */
    "a",
    "about",
    "according",
    "additionally",
    "advertisement",
    "afp",
    "after",
    "again",
    "all",
    "also",
    "although",
    "america",
    "american",
    "americans",
    "an",
    "and",
    "another",
    "ap",
    "are",
    "article",
    "as",
    "asked",
    "at",
    "because",
    "before",
    "below",
    "besides",
    "both",
    "breaking",
    "but",
    "by",
    "can",
    "clearly",
    "click",
    "continued",
    "continues",
    "could",
    "dear",
    "despite",
    "did",
    "do",
    "does",
    "don't",
    "dr",
    "during",
    "each",
    "east",
    "editor's",
    "even",
    "every",
    "finally",
    "first",
    "follow",
    "for",
    "fortunately",
    "from",
    "furthermore",
    "getty",
    "god",
    "he",
    "hence",
    "her",
    "here",
    "hey",
    "his",
    "how",
    "however",
    "i",
    "i'm",
    "if",
    "image",
    "in",
    "indeed",
    "instead",
    "interestingly",
    "ironically",
    "is",
    "it",
    "it's",
    "its",
    "just",
    "last",
    "let",
    "like",
    "likewise",
    "listen",
    "look",
    "many",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "mr",
    "mrs",
    "ms",
    "my",
    "nevertheless",
    "new",
    "next",
    "no",
    "nonetheless",
    "north",
    "not",
    "notably",
    "note",
    "now",
    "obviously",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "otherwise",
    "our",
    "overall",
    "photo",
    "please",
    "plus",
    "read",
    "related",
    "reuters",
    "sadly",
    "said",
    "says",
    "separately",
    "she",
    "should",
    "similarly",
    "since",
    "so",
    "some",
    "south",
    "sponsored",
    "still",
    "subscribe",
    "such",
    "sure",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "three",
    "thus",
    "to",
    "two",
    "ultimately",
    "unfortunately",
    "united",
    "update",
    "updated",
    "video",
    "wait",
    "was",
    "washington",
    "watch",
    "we",
    "we're",
    "well",
    "were",
    "west",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "why",
    "will",
    "with",
    "would",
    "yes",
    "yet",
    "you",
    "your",
};

/* Capitalised words of places that open a name though they open sentences
 * too: "The New York Times", "the United Nations", "South Africa". */
static const char *const place_parts[] = {
    "east", "new", "north", "south", "united", "west",
};

/* Nouns ending like an adverb: "the family said" is no "Berg famously said". */
static const char *const ly_nouns[] = {
    "ally", "anomaly", "assembly", "bully",   "daily",     "emily", "family", "fly",    "italy",
    "july", "lily",    "monopoly", "monthly", "quarterly", "rally", "supply", "weekly",
};

/* Open a clause whose verb does not frame what follows: "two hours after
 * news outlets declared him the victor". */
static const char *const subordinators[] = {
    "after", "although", "because", "before", "once", "since", "though", "unless", "until", "while",
};

/* Open an adverbial phrase before a sentence's subject: "In response to
 * Berg's plan, ...", "Later on Sunday, ...", "Back home, ...". */
static const char *const openers[] = {
    "across",     "after",   "although", "amid",    "as",        "at",    "back",   "because",
    "before",     "despite", "during",   "earlier", "following", "in",    "inside", "later",
    "meanwhile",  "on",      "once",     "outside", "over",      "since", "then",   "though",
    "throughout", "under",   "until",    "upon",    "when",      "while", "within", "without",
};

/* Words that belong to the title they come before: "former Attorney
 * General", "state Sen.", "deputy Prime Minister". */
static const char *const title_modifiers[] = {
    "acting",   "assistant",  "associate", "chief",   "city",     "county",    "current",
    "deputy",   "ex",         "federal",   "fellow",  "former",   "freshman",  "incoming",
    "interim",  "junior",     "late",      "local",   "longtime", "national",  "new",
    "outgoing", "provincial", "regional",  "retired", "senior",   "sophomore", "state",
    "then",     "top",        "veteran",   "vice",
};

/* Nouns that say what an organisation is, in a description of it ("a
 * security firm", "the carrier"), though not in its name. */
static const char *const org_nouns[] = {
    "airline",   "band",  "brand",   "carrier", "chain",  "charity",      "company", "firm",
    "franchise", "group", "insurer", "label",   "lender", "manufacturer", "outfit",  "regulator",
    "retailer",  "side",  "squad",   "startup", "studio", "supplier",     "utility", "watchdog",
};

/* The last word of an event's name: no one speaks as "the Goldman Sachs
 * Symposium". */
static const char *const event_words[] = {
    "awards",   "championship", "championships", "conference", "expo",      "festival",   "gala",
    "marathon", "olympics",     "paralympics",   "summit",     "symposium", "tournament",
};

static const char *const female_words[] = {
    "actress",     "aunt",       "businesswoman", "chairwoman", "congresswoman", "councilwoman",
    "dame",        "daughter",   "girl",          "girlfriend", "grandmother",   "lady",
    "miss",        "mom",        "mother",        "mrs",        "mrs.",          "ms",
    "ms.",         "mum",        "niece",         "princess",   "queen",         "sister",
    "spokeswoman", "stepmother", "widow",         "wife",       "woman",
};

static const char *const male_words[] = {
    "actor",       "boy",         "boyfriend",  "brother", "businessman",
    "chairman",    "congressman", "councilman", "dad",     "father",
    "grandfather", "husband",     "king",       "lord",    "man",
    "mr",          "mr.",         "nephew",     "prince",  "sir",
    "son",         "spokesman",   "stepfather", "uncle",   "widower",
};

/* Nouns for what a person is or does: "Kingsbridge boss Marco Ferri",
 * "the manager said". */
static const char *const role_nouns[] = {
    "activist",       "actor",        "actress",      "admiral",       "adviser",    "advisor",
    "aide",           "ambassador",   "analyst",      "architect",     "artist",     "astronomer",
    "astrophysicist", "attorney",     "author",       "baker",         "banker",     "barrister",
    "batsman",        "batter",       "biologist",    "bishop",        "boss",       "bowler",
    "boxer",          "broadcaster",  "businessman",  "businesswoman", "campaigner", "candidate",
    "captain",        "chair",        "chairman",     "chairwoman",    "champion",   "chef",
    "chemist",        "chief",        "climber",      "coach",         "colonel",    "comedian",
    "commissioner",   "commuter",     "constable",    "consultant",    "councillor", "cyclist",
    "dean",           "defenceman",   "defender",     "defenseman",    "designer",   "detective",
    "diplomat",       "director",     "doctor",       "driver",        "economist",  "editor",
    "engineer",       "entrepreneur", "executive",    "fan",           "farmer",     "father",
    "fighter",        "firefighter",  "fisherman",    "forecaster",    "forward",    "founder",
    "geologist",      "goalie",       "goalkeeper",   "golfer",        "governor",   "headteacher",
    "historian",      "host",         "imam",         "inspector",     "investor",   "jockey",
    "journalist",     "judge",        "keeper",       "landlord",      "lawyer",     "leader",
    "lecturer",       "man",          "manager",      "mayor",         "midfielder", "minister",
    "mother",         "musician",     "negotiator",   "neighbor",      "neighbour",  "nominee",
    "novelist",       "nurse",        "officer",      "official",      "organiser",  "organizer",
    "owner",          "paramedic",    "parent",       "partner",       "passenger",  "pensioner",
    "photographer",   "physicist",    "pilot",        "pitcher",       "planner",    "player",
    "poet",           "pollster",     "presenter",    "priest",        "principal",  "producer",
    "professor",      "prosecutor",   "protester",    "publican",      "pupil",      "quarterback",
    "rabbi",          "referee",      "reporter",     "researcher",    "resident",   "rider",
    "rookie",         "runner",       "sailor",       "scientist",     "secretary",  "senator",
    "sergeant",       "shopkeeper",   "singer",       "skater",        "skier",      "skipper",
    "solicitor",      "spokesman",    "spokesperson", "spokeswoman",   "sprinter",   "strategist",
    "striker",        "student",      "substitute",   "supporter",     "surgeon",    "survivor",
    "swimmer",        "teacher",      "teenager",     "tenant",        "trader",     "trainer",
    "umpire",         "veteran",      "vicar",        "volunteer",     "voter",      "widow",
    "winger",         "winner",       "witness",      "woman",         "worker",     "wrestler",
    "writer",         "youngster",
};

static const char *const name_particles[] = {
    "al",  "ben", "bin", "da", "das", "de",  "del", "den", "der", "di",
    "dos", "du",  "ibn", "la", "le",  "st.", "ter", "van", "von",
};
static const char *const org_joiners[] = {
    "&", "and", "for", "of", "on", "the",
};

/* Prepositions before the object of a role: "a spokesperson for Granite
 * Coast". */
static const char *const role_preps[] = {
    "at", "for", "from", "of", "to", "with",
};

/* Prepositions inside a subject: "Mr. Morgan of the Sierra Club", "a
 * narrator in the Clinton ad". */
static const char *const subject_preps[] = {
    "at", "for", "from", "in", "of", "on", "with",
};

/* Nationalities standing for a person: "the Pole", "the Dane" (those
 * ending in -ian -an -ese -ish -i -ch are told by their ending). */
static const char *const demonyms[] = {
    "afghan", "arab",      "argentine",   "aussie",   "basque",     "brit",       "briton",
    "croat",  "czech",     "dane",        "dutchman", "dutchwoman", "englishman", "englishwoman",
    "finn",   "frenchman", "frenchwoman", "greek",    "irishman",   "irishwoman", "kazakh",
    "kiwi",   "kurd",      "pole",        "scot",     "scotsman",   "scotswoman", "serb",
    "slovak", "spaniard",  "swede",       "swiss",    "tajik",      "thai",       "turk",
    "uzbek",  "welshman",  "welshwoman",
};

/* Capitalised words ending like a nationality that are no people: "the
 * Vatican", "the Taliban". */
static const char *const not_people[] = {
    "commission", "communist", "kremlin", "parish", "pentagon", "taliban", "vatican",
};

struct list {
    const char *const *words;
    size_t n;
    int calendar; /* the names of months and days belong to the list too */
};

#define LIST(words)                                                                                \
    {                                                                                              \
        words, sizeof(words) / sizeof(words[0]), 0                                                 \
    }
#define LIST_WITH_CALENDAR(words)                                                                  \
    {                                                                                              \
        words, sizeof(words) / sizeof(words[0]), 1                                                 \
    }

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
    [NB_QUOTES_OPENERS] = LIST(openers),
    [NB_QUOTES_TITLE_MODIFIERS] = LIST(title_modifiers),
    [NB_QUOTES_ORG_NOUNS] = LIST(org_nouns),
};

/* No strlen: called for every entry of the lists. */
size_t nb_quotes_list_unsorted(void)
{
    for (size_t k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
        for (size_t i = 0; i < lists[k].n; i++) {
            for (const char *c = lists[k].words[i]; *c; c++)
                if (nb_ascii_is_upper((unsigned char)*c))
                    return k + 1; /* never matched: the search lowers the word */
            if (i && strcmp(lists[k].words[i - 1], lists[k].words[i]) >= 0)
                return k + 1;
        }
    return 0;
}

int nb_quotes_word_is(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        char c = (char)nb_ascii_lower((unsigned char)s[i]);
        if (!word[i] || c != word[i])
            return 0;
    }
    return word[len] == '\0';
}

/* s[0..len) in ASCII lower case against word, in strcmp order. */
static int word_cmp(const char *s, size_t len, const char *word)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)nb_ascii_lower((unsigned char)s[i]);
        unsigned char w = (unsigned char)word[i];
        if (c != w)
            return w == 0 ? 1 : (c < w ? -1 : 1);
    }
    return word[len] ? -1 : 0;
}

/* 1 when s[0..len) is the English name of a month or a day, any case
 * (text/calendar.h).  Most words are turned away first by their length and
 * first letter: the names are 3 (May) to 9 (September, Wednesday) letters
 * long, and each starts with one of `firsts`. */
static int calendar_name(const char *s, size_t len)
{
    static const char firsts[] = "adfjmnostw";
    if (len < 3 || len > 9 ||
        !memchr(firsts, nb_ascii_lower((unsigned char)s[0]), sizeof(firsts) - 1))
        return 0;
    return nb_calendar_month(&nb_calendar_en, s, len, 0) ||
           nb_calendar_weekday(&nb_calendar_en, s, len, 0);
}

int nb_quotes_word_in(enum nb_quotes_list list, const char *s, size_t len)
{
    if ((size_t)list >= sizeof(lists) / sizeof(lists[0]))
        return 0;
    const struct list *l = &lists[list];
    /* most steps of the search are decided by the first letter */
    unsigned char first = len ? (unsigned char)nb_ascii_lower((unsigned char)s[0]) : 0;
    size_t lo = 0, hi = l->n; /* each list is sorted: search by halves */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *word = l->words[mid];
        unsigned char w = (unsigned char)word[0];
        int c = len && first != w ? (w == 0 ? 1 : (first < w ? -1 : 1)) : word_cmp(s, len, word);
        if (c == 0)
            return 1;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return l->calendar && calendar_name(s, len);
}

int nb_quotes_honorific(const char *s, size_t len, int *gender)
{
    /* asked of every token: most are no honorific by length or first letter */
    if (len < 2 || len > 9)
        return 0;
    const struct honorific *h;
    size_t n;
    switch (nb_ascii_lower((unsigned char)s[0])) {
    case 'm':
        h = honorifics_m;
        n = sizeof(honorifics_m) / sizeof(honorifics_m[0]);
        break;
    case 's':
        h = honorifics_s;
        n = sizeof(honorifics_s) / sizeof(honorifics_s[0]);
        break;
    case 'l':
        h = honorifics_l;
        n = sizeof(honorifics_l) / sizeof(honorifics_l[0]);
        break;
    case 'd':
        h = honorifics_d;
        n = sizeof(honorifics_d) / sizeof(honorifics_d[0]);
        break;
    case 'p':
        h = honorifics_p;
        n = sizeof(honorifics_p) / sizeof(honorifics_p[0]);
        break;
    default:
        return 0;
    }
    for (size_t i = 0; i < n; i++)
        if (nb_quotes_word_is(s, len, h[i].word)) {
            if (gender)
                *gender = h[i].gender;
            return 1;
        }
    return 0;
}
