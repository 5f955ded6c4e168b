/*
 * words.c — the closed word classes the extraction asks about at nearly
 * every token (people nouns, speech verbs, modals, negations, direction
 * words, words that are never place names, the words a count or a date
 * expression may start with, …): one table sorted by word, and the small
 * hash table lexicon_load() compiles it into, so that each token of a text
 * costs one lookup instead of a scan of a list per question. Keep the
 * table sorted (bytewise): test_dates_counts checks it.
 */
#include "lex_internal.h"

#include <stdlib.h>
#include <string.h>

static const WordClassEntry word_table[] = {
    {"a", WC_NOT_NAMES},
    {"about", WC_COUNT_STARTS},
    {"abu", WC_NAME_CONNECTORS},
    {"according", WC_SPEECH_VERBS},
    {"across", WC_NOT_NAMES},
    {"ad", WC_NAME_CONNECTORS},
    {"added", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"afghan", WC_DEMONYMS},
    {"after", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"again", WC_ADVERBS},
    {"against", WC_NOT_NAMES},
    {"agency", WC_NOT_NAMES},
    {"aim", WC_PLAN_WORDS},
    {"aiming", WC_PLAN_WORDS},
    {"aims", WC_PLAN_WORDS},
    {"airbase", WC_COREF_PLACE_WORDS},
    {"aircraft", WC_THING_NOUNS},
    {"airport", WC_COREF_PLACE_WORDS | WC_FEATURE_WORDS},
    {"airstrikes", WC_THING_NOUNS},
    {"al", WC_NAME_CONNECTORS},
    {"all", WC_NOT_NAMES},
    {"allegedly", WC_ADVERBS},
    {"almost", WC_COUNT_STARTS},
    {"already", WC_ADVERBS},
    {"also", WC_ADVERBS},
    {"altogether", WC_CUMULATIVE},
    {"am", WC_THING_NOUNS},
    {"american", WC_DEMONYMS | WC_NOT_NAMES},
    {"amid", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"among", WC_NOT_NAMES},
    {"an", WC_NAME_CONNECTORS | WC_NOT_NAMES},
    {"and", WC_NOT_NAMES},
    {"announced", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"announces", WC_SPEECH_VERBS},
    {"another", WC_COUNT_STARTS},
    {"any", WC_NOT_NAMES},
    {"apparently", WC_ADVERBS},
    {"approximately", WC_COUNT_STARTS},
    {"april", WC_NOT_NAMES},
    {"ar", WC_NAME_CONNECTORS},
    {"arab", WC_DEMONYMS | WC_NOT_NAMES},
    {"are", WC_PASSIVE_AUX},
    {"area", WC_COREF_PLACE_WORDS},
    {"areas", WC_THING_NOUNS},
    {"army", WC_NOT_NAMES},
    {"around", WC_COUNT_STARTS},
    {"as", WC_COUNT_STARTS | WC_NAME_CONNECTORS | WC_NOT_NAMES},
    {"ash", WC_NAME_CONNECTORS},
    {"at", WC_COUNT_STARTS | WC_NAME_CONNECTORS | WC_NOT_NAMES},
    {"attacks", WC_THING_NOUNS},
    {"attempt", WC_PLAN_WORDS},
    {"attempting", WC_PLAN_WORDS},
    {"attempts", WC_PLAN_WORDS},
    {"august", WC_NOT_NAMES},
    {"az", WC_NAME_CONNECTORS},
    {"bab", WC_NAME_CONNECTORS},
    {"bani", WC_NAME_CONNECTORS},
    {"base", WC_COREF_PLACE_WORDS},
    {"be", WC_PASSIVE_AUX},
    {"because", WC_CLAUSE_STOPS},
    {"been", WC_ADVERBS | WC_PASSIVE_AUX},
    {"before", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"behind", WC_NOT_NAMES},
    {"being", WC_PASSIVE_AUX},
    {"between", WC_COUNT_STARTS},
    {"beyond", WC_NOT_NAMES},
    {"bid", WC_PLAN_WORDS},
    {"billion", WC_THING_NOUNS},
    {"bin", WC_NAME_CONNECTORS},
    {"bloodiest", WC_CUMULATIVE},
    {"bodies", WC_THING_NOUNS},
    {"bombings", WC_THING_NOUNS},
    {"both", WC_NOT_NAMES},
    {"briefly", WC_ADVERBS},
    {"british", WC_DEMONYMS},
    {"buildings", WC_THING_NOUNS},
    {"but", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"by", WC_NOT_NAMES},
    {"can", WC_MODAL_WORDS},
    {"cannot", WC_MODAL_WORDS},
    {"cant", WC_NEGATIONS},
    {"captives", WC_PERSON_NOUNS},
    {"cars", WC_THING_NOUNS},
    {"central", WC_NOT_NAMES},
    {"children", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"chinese", WC_DEMONYMS},
    {"christian", WC_DEMONYMS},
    {"cited", WC_SPEECH_VERBS},
    {"citizens", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"city", WC_COREF_PLACE_WORDS | WC_FEATURE_WORDS},
    {"civilian", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"civilians", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"claimed", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"claims", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"close", WC_COUNT_STARTS},
    {"coalition", WC_NOT_NAMES},
    {"combatants", WC_PERSON_NOUNS},
    {"commander", WC_NOT_NAMES},
    {"completely", WC_ADVERBS},
    {"conditions", WC_PLAN_WORDS},
    {"confirmed", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"confirms", WC_SPEECH_VERBS},
    {"could", WC_MODAL_WORDS},
    {"couldnt", WC_NEGATIONS},
    {"countryside", WC_ADMIN_WORDS | WC_FEATURE_WORDS},
    {"crew", WC_PERSON_NOUNS},
    {"cumulative", WC_CUMULATIVE},
    {"daesh", WC_NOT_NAMES},
    {"date", WC_NOT_NAMES},
    {"days", WC_THING_NOUNS},
    {"de", WC_THING_NOUNS},
    {"dead", WC_PERSON_NOUNS},
    {"deadliest", WC_CUMULATIVE},
    {"december", WC_NOT_NAMES},
    {"declared", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"defence", WC_NOT_NAMES},
    {"defense", WC_NOT_NAMES},
    {"demonstrators", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"despite", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"detainees", WC_PERSON_NOUNS},
    {"didnt", WC_NEGATIONS},
    {"district", WC_COREF_PLACE_WORDS | WC_FEATURE_WORDS},
    {"doctors", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"doesnt", WC_NEGATIONS},
    {"dollars", WC_THING_NOUNS},
    {"dont", WC_NEGATIONS},
    {"down", WC_NOT_NAMES},
    {"dozen", WC_COUNT_AFTER_A},
    {"dozens", WC_COUNT_STARTS},
    {"drones", WC_THING_NOUNS},
    {"during", WC_CLAUSE_STOPS | WC_DATE_PREPS},
    {"each", WC_NOT_NAMES},
    {"earlier", WC_DATE_STARTS | WC_NOT_NAMES},
    {"early", WC_DATE_STARTS},
    {"east", WC_DIRECTIONS | WC_NOT_NAMES},
    {"eastern", WC_DIRECTIONS | WC_NOT_NAMES},
    {"ed", WC_NAME_CONNECTORS},
    {"effectively", WC_ADVERBS},
    {"effort", WC_PLAN_WORDS},
    {"efforts", WC_PLAN_WORDS},
    {"egyptian", WC_DEMONYMS},
    {"eight", WC_COUNT_STARTS},
    {"eighteen", WC_COUNT_STARTS},
    {"eighty", WC_COUNT_STARTS},
    {"el", WC_NAME_CONNECTORS},
    {"elements", WC_PERSON_NOUNS},
    {"eleven", WC_COUNT_STARTS},
    {"enclave", WC_COREF_PLACE_WORDS},
    {"er", WC_NAME_CONNECTORS},
    {"es", WC_NAME_CONNECTORS},
    {"european", WC_DEMONYMS},
    {"eventually", WC_ADVERBS},
    {"every", WC_NOT_NAMES},
    {"expected", WC_PLAN_WORDS},
    {"extremists", WC_PERSON_NOUNS},
    {"ez", WC_NAME_CONNECTORS},
    {"failed", WC_NEGATIONS},
    {"families", WC_THING_NOUNS},
    {"february", WC_NOT_NAMES},
    {"few", WC_COUNT_AFTER_A},
    {"fewer", WC_COUNT_STARTS},
    {"fifteen", WC_COUNT_STARTS},
    {"fifty", WC_COUNT_STARTS},
    {"fighter", WC_PERSON_NOUNS},
    {"fighters", WC_PERSON_NOUNS},
    {"finally", WC_ADVERBS},
    {"five", WC_COUNT_STARTS},
    {"following", WC_CLAUSE_STOPS},
    {"for", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"forces", WC_NOT_NAMES | WC_PERSON_NOUNS},
    {"foreign", WC_NOT_NAMES},
    {"former", WC_NOT_NAMES},
    {"forty", WC_COUNT_STARTS},
    {"four", WC_COUNT_STARTS},
    {"fourteen", WC_COUNT_STARTS},
    {"french", WC_DEMONYMS},
    {"friday", WC_NOT_NAMES},
    {"from", WC_NOT_NAMES},
    {"fsa", WC_NOT_NAMES},
    {"fully", WC_ADVERBS},
    {"further", WC_COUNT_AFTER_A},
    {"garrison", WC_COREF_PLACE_WORDS},
    {"gets", WC_PASSIVE_AUX},
    {"gmt", WC_THING_NOUNS},
    {"goal", WC_PLAN_WORDS},
    {"got", WC_PASSIVE_AUX},
    {"gov", WC_ADMIN_WORDS | WC_FEATURE_WORDS},
    {"government", WC_NOT_NAMES},
    {"governorate", WC_ADMIN_WORDS | WC_FEATURE_WORDS},
    {"guards", WC_PERSON_NOUNS},
    {"gunmen", WC_PERSON_NOUNS},
    {"had", WC_ADVERBS},
    {"hadnt", WC_NEGATIONS},
    {"handful", WC_COUNT_AFTER_A},
    {"has", WC_ADVERBS},
    {"hasnt", WC_NEGATIONS},
    {"have", WC_ADVERBS},
    {"havent", WC_NEGATIONS},
    {"he", WC_NOT_NAMES},
    {"hectares", WC_THING_NOUNS},
    {"hills", WC_THING_NOUNS},
    {"hilltops", WC_THING_NOUNS},
    {"homes", WC_THING_NOUNS},
    {"hope", WC_PLAN_WORDS},
    {"hopes", WC_PLAN_WORDS},
    {"hours", WC_THING_NOUNS},
    {"houses", WC_THING_NOUNS},
    {"however", WC_NOT_NAMES},
    {"hts", WC_NOT_NAMES},
    {"hundred", WC_COUNT_AFTER_A},
    {"hundreds", WC_COUNT_STARTS},
    {"ibn", WC_NAME_CONNECTORS},
    {"if", WC_PLAN_WORDS},
    {"in", WC_DATE_PREPS | WC_NOT_NAMES},
    {"individuals", WC_PERSON_NOUNS},
    {"inmates", WC_PERSON_NOUNS},
    {"insisted", WC_SPEECH_VERBS},
    {"insurgents", WC_PERSON_NOUNS},
    {"intend", WC_PLAN_WORDS},
    {"intends", WC_PLAN_WORDS},
    {"intention", WC_PLAN_WORDS},
    {"into", WC_NOT_NAMES},
    {"iran", WC_NOT_NAMES},
    {"iranian", WC_DEMONYMS | WC_NOT_NAMES},
    {"iraq", WC_NOT_NAMES},
    {"iraqi", WC_DEMONYMS | WC_NOT_NAMES},
    {"iraqis", WC_PERSON_NOUNS},
    {"is", WC_NOT_NAMES | WC_PASSIVE_AUX},
    {"isil", WC_NOT_NAMES},
    {"isis", WC_NOT_NAMES},
    {"islamic", WC_DEMONYMS | WC_NOT_NAMES},
    {"israel", WC_NOT_NAMES},
    {"israeli", WC_DEMONYMS | WC_NOT_NAMES},
    {"it", WC_NOT_NAMES},
    {"its", WC_NOT_NAMES},
    {"jabal", WC_NAME_CONNECTORS},
    {"january", WC_NOT_NAMES},
    {"jebel", WC_NAME_CONNECTORS},
    {"jets", WC_THING_NOUNS},
    {"jihadists", WC_PERSON_NOUNS},
    {"jordan", WC_NOT_NAMES},
    {"jordanian", WC_DEMONYMS},
    {"journalists", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"july", WC_NOT_NAMES},
    {"june", WC_NOT_NAMES},
    {"just", WC_ADVERBS | WC_COUNT_STARTS},
    {"katyusha", WC_NOT_NAMES}, /* a rocket, not a place */
    {"killed", WC_PERSON_NOUNS},
    {"kilometers", WC_THING_NOUNS},
    {"kilometres", WC_THING_NOUNS},
    {"km", WC_THING_NOUNS},
    {"kurdish", WC_DEMONYMS | WC_NOT_NAMES},
    {"kurds", WC_PERSON_NOUNS},
    {"largely", WC_ADVERBS},
    {"last", WC_DATE_STARTS},
    {"late", WC_DATE_STARTS},
    {"later", WC_ADVERBS | WC_DATE_STARTS | WC_NOT_NAMES},
    {"lebanese", WC_DEMONYMS},
    {"lebanon", WC_NOT_NAMES},
    {"less", WC_COUNT_STARTS},
    {"libyan", WC_DEMONYMS},
    {"ll", WC_MODAL_WORDS},
    {"managed", WC_ADVERBS},
    {"many", WC_NOT_NAMES},
    {"march", WC_NOT_NAMES},
    {"may", WC_MODAL_WORDS | WC_NOT_NAMES},
    {"meanwhile", WC_NOT_NAMES},
    {"media", WC_NOT_NAMES},
    {"members", WC_PERSON_NOUNS},
    {"men", WC_PERSON_NOUNS},
    {"meters", WC_THING_NOUNS},
    {"metres", WC_THING_NOUNS},
    {"mid", WC_DATE_STARTS},
    {"might", WC_MODAL_WORDS},
    {"miles", WC_THING_NOUNS},
    {"militant", WC_PERSON_NOUNS},
    {"militants", WC_PERSON_NOUNS},
    {"militiamen", WC_PERSON_NOUNS},
    {"militias", WC_PERSON_NOUNS},
    {"million", WC_COUNT_AFTER_A | WC_THING_NOUNS},
    {"minister", WC_NOT_NAMES},
    {"ministry", WC_NOT_NAMES},
    {"minutes", WC_THING_NOUNS},
    {"missiles", WC_THING_NOUNS},
    {"monday", WC_NOT_NAMES},
    {"months", WC_THING_NOUNS},
    {"more", WC_COUNT_STARTS | WC_NOT_NAMES},
    {"most", WC_NOT_NAMES},
    {"muslim", WC_DEMONYMS},
    {"must", WC_MODAL_WORDS},
    {"ndf", WC_NOT_NAMES},
    {"near", WC_NOT_NAMES},
    {"nearly", WC_COUNT_STARTS},
    {"neighborhood", WC_COREF_PLACE_WORDS},
    {"neighborhoods", WC_THING_NOUNS},
    {"neighbourhood", WC_COREF_PLACE_WORDS},
    {"neighbourhoods", WC_THING_NOUNS},
    {"neither", WC_NEGATIONS},
    {"never", WC_NEGATIONS},
    {"news", WC_NOT_NAMES},
    {"nine", WC_COUNT_STARTS},
    {"nineteen", WC_COUNT_STARTS},
    {"ninety", WC_COUNT_STARTS},
    {"no", WC_COUNT_STARTS | WC_NEGATIONS | WC_NOT_NAMES},
    {"nor", WC_NEGATIONS},
    {"north", WC_DIRECTIONS | WC_NOT_NAMES},
    {"north-east", WC_DIRECTIONS},
    {"north-west", WC_DIRECTIONS},
    {"northeast", WC_DIRECTIONS},
    {"northern", WC_DIRECTIONS | WC_NOT_NAMES},
    {"northwest", WC_DIRECTIONS},
    {"not", WC_NEGATIONS | WC_NOT_NAMES},
    {"noted", WC_SPEECH_VERBS},
    {"november", WC_NOT_NAMES},
    {"now", WC_ADVERBS},
    {"objective", WC_PLAN_WORDS},
    {"observatory", WC_NOT_NAMES},
    {"occasions", WC_THING_NOUNS},
    {"october", WC_NOT_NAMES},
    {"of", WC_NOT_NAMES | WC_PERSON_NOUNS},
    {"officers", WC_PERSON_NOUNS},
    {"officially", WC_ADVERBS},
    {"on", WC_DATE_PREPS | WC_NOT_NAMES},
    {"once", WC_ADVERBS},
    {"one", WC_COUNT_STARTS},
    {"only", WC_COUNT_STARTS},
    {"order", WC_PLAN_WORDS},
    {"other", WC_NOT_NAMES},
    {"others", WC_PERSON_NOUNS},
    {"over", WC_COUNT_STARTS | WC_DATE_PREPS | WC_NOT_NAMES},
    {"overall", WC_CUMULATIVE},
    {"palestinian", WC_DEMONYMS},
    {"partially", WC_ADVERBS},
    {"partly", WC_ADVERBS},
    {"past", WC_DATE_STARTS},
    {"people", WC_PERSON_NOUNS},
    {"percent", WC_THING_NOUNS},
    {"person", WC_PERSON_NOUNS},
    {"personnel", WC_PERSON_NOUNS},
    {"persons", WC_PERSON_NOUNS},
    {"pilots", WC_PERSON_NOUNS},
    {"plan", WC_PLAN_WORDS},
    {"planned", WC_PLAN_WORDS},
    {"planning", WC_PLAN_WORDS},
    {"plans", WC_PLAN_WORDS},
    {"pm", WC_THING_NOUNS},
    {"points", WC_THING_NOUNS},
    {"police", WC_PERSON_NOUNS},
    {"policemen", WC_PERSON_NOUNS},
    {"positions", WC_THING_NOUNS},
    {"posted", WC_NOT_NAMES},
    {"preparation", WC_PLAN_WORDS},
    {"preparations", WC_PLAN_WORDS},
    {"prepare", WC_PLAN_WORDS},
    {"prepares", WC_PLAN_WORDS},
    {"preparing", WC_PLAN_WORDS},
    {"president", WC_NOT_NAMES},
    {"previous", WC_DATE_STARTS},
    {"print", WC_NOT_NAMES},
    {"prisoners", WC_PERSON_NOUNS},
    {"protesters", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"province", WC_ADMIN_WORDS | WC_FEATURE_WORDS},
    {"provinces", WC_ADMIN_WORDS},
    {"published", WC_NOT_NAMES},
    {"qatari", WC_DEMONYMS},
    {"quickly", WC_ADVERBS},
    {"quoted", WC_SPEECH_VERBS},
    {"race", WC_PLAN_WORDS},
    {"raids", WC_THING_NOUNS},
    {"ready", WC_PLAN_WORDS},
    {"rebels", WC_NOT_NAMES | WC_PERSON_NOUNS},
    {"recently", WC_ADVERBS},
    {"recruits", WC_PERSON_NOUNS},
    {"regime", WC_NOT_NAMES},
    {"region", WC_ADMIN_WORDS | WC_COREF_PLACE_WORDS | WC_FEATURE_WORDS},
    {"report", WC_NOT_NAMES},
    {"reported", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"reportedly", WC_ADVERBS},
    {"reports", WC_CLAIM_VERBS | WC_NOT_NAMES | WC_SPEECH_VERBS},
    {"residents", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"rockets", WC_THING_NOUNS},
    {"roughly", WC_COUNT_STARTS},
    {"round", WC_THING_NOUNS},
    {"rounds", WC_THING_NOUNS},
    {"russia", WC_NOT_NAMES},
    {"russian", WC_DEMONYMS | WC_NOT_NAMES},
    {"s", WC_NOT_NAMES},
    {"saa", WC_NOT_NAMES},
    {"said", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"saturday", WC_NOT_NAMES},
    {"saudi", WC_DEMONYMS},
    {"say", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"says", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"score", WC_COUNT_AFTER_A},
    {"scores", WC_COUNT_STARTS},
    {"sdf", WC_NOT_NAMES},
    {"seek", WC_PLAN_WORDS},
    {"seeking", WC_PLAN_WORDS},
    {"seeks", WC_PLAN_WORDS},
    {"separately", WC_NOT_NAMES},
    {"september", WC_NOT_NAMES},
    {"servicemen", WC_PERSON_NOUNS},
    {"seven", WC_COUNT_STARTS},
    {"seventeen", WC_COUNT_STARTS},
    {"seventy", WC_COUNT_STARTS},
    {"several", WC_COUNT_STARTS | WC_NOT_NAMES},
    {"shall", WC_MODAL_WORDS},
    {"share", WC_NOT_NAMES},
    {"she", WC_NOT_NAMES},
    {"shells", WC_THING_NOUNS},
    {"shiite", WC_DEMONYMS},
    {"should", WC_MODAL_WORDS},
    {"since", WC_ADVERBS | WC_CLAUSE_STOPS},
    {"site", WC_COREF_PLACE_WORDS},
    {"sites", WC_THING_NOUNS},
    {"six", WC_COUNT_STARTS},
    {"sixteen", WC_COUNT_STARTS},
    {"sixty", WC_COUNT_STARTS},
    {"soldier", WC_PERSON_NOUNS},
    {"soldiers", WC_PERSON_NOUNS},
    {"some", WC_COUNT_STARTS | WC_NOT_NAMES},
    {"sought", WC_PLAN_WORDS},
    {"source", WC_NOT_NAMES},
    {"sources", WC_NOT_NAMES},
    {"south", WC_DIRECTIONS | WC_NOT_NAMES},
    {"south-east", WC_DIRECTIONS},
    {"south-west", WC_DIRECTIONS},
    {"southeast", WC_DIRECTIONS},
    {"southern", WC_DIRECTIONS | WC_NOT_NAMES},
    {"southwest", WC_DIRECTIONS},
    {"spokesman", WC_NOT_NAMES},
    {"sq", WC_THING_NOUNS},
    {"square", WC_THING_NOUNS},
    {"staff", WC_PERSON_NOUNS},
    {"state", WC_NOT_NAMES},
    {"stated", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"stressed", WC_SPEECH_VERBS},
    {"strikes", WC_THING_NOUNS},
    {"students", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"suburbs", WC_FEATURE_WORDS},
    {"successfully", WC_ADVERBS},
    {"sunday", WC_NOT_NAMES},
    {"sunni", WC_DEMONYMS},
    {"swiftly", WC_ADVERBS},
    {"syria", WC_NOT_NAMES},
    {"syrian", WC_DEMONYMS | WC_NOT_NAMES},
    {"syrians", WC_PERSON_NOUNS},
    {"syrias", WC_NOT_NAMES}, /* "Syria's" with its apostrophe lost */
    {"tags", WC_NOT_NAMES},
    {"tal", WC_NAME_CONNECTORS},
    {"tanks", WC_THING_NOUNS},
    {"television", WC_NOT_NAMES},
    {"tell", WC_NAME_CONNECTORS},
    {"tells", WC_SPEECH_VERBS},
    {"ten", WC_COUNT_STARTS},
    {"tens", WC_COUNT_STARTS},
    {"terrorists", WC_PERSON_NOUNS},
    {"that", WC_NOT_NAMES},
    {"the", WC_NOT_NAMES},
    {"their", WC_NOT_NAMES},
    {"then", WC_ADVERBS | WC_CLAUSE_STOPS},
    {"there", WC_NOT_NAMES},
    {"thereby", WC_CLAUSE_STOPS},
    {"these", WC_NOT_NAMES},
    {"they", WC_NOT_NAMES},
    {"thirteen", WC_COUNT_STARTS},
    {"thirty", WC_COUNT_STARTS},
    {"this", WC_DATE_STARTS | WC_NOT_NAMES},
    {"those", WC_NOT_NAMES},
    {"thousand", WC_COUNT_AFTER_A},
    {"thousands", WC_COUNT_STARTS},
    {"threaten", WC_PLAN_WORDS},
    {"threatened", WC_PLAN_WORDS},
    {"threatens", WC_PLAN_WORDS},
    {"three", WC_COUNT_STARTS},
    {"through", WC_NOT_NAMES},
    {"thursday", WC_NOT_NAMES},
    {"times", WC_THING_NOUNS},
    {"to", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"today", WC_DATE_STARTS},
    {"told", WC_CLAIM_VERBS | WC_SPEECH_VERBS},
    {"tonight", WC_DATE_STARTS},
    {"tonnes", WC_THING_NOUNS},
    {"tons", WC_THING_NOUNS},
    {"total", WC_COUNT_AFTER_A | WC_CUMULATIVE},
    {"totally", WC_ADVERBS},
    {"toward", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"towards", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"town", WC_COREF_PLACE_WORDS},
    {"towns", WC_THING_NOUNS},
    {"tried", WC_PLAN_WORDS},
    {"troops", WC_NOT_NAMES | WC_PERSON_NOUNS},
    {"trucks", WC_THING_NOUNS},
    {"try", WC_PLAN_WORDS},
    {"trying", WC_PLAN_WORDS},
    {"tuesday", WC_NOT_NAMES},
    {"turkey", WC_NOT_NAMES},
    {"turkish", WC_DEMONYMS | WC_NOT_NAMES},
    {"tv", WC_NOT_NAMES},
    {"twelve", WC_COUNT_STARTS},
    {"twenty", WC_COUNT_STARTS},
    {"two", WC_COUNT_STARTS},
    {"u", WC_NOT_NAMES},
    {"um", WC_NAME_CONNECTORS},
    {"umm", WC_NAME_CONNECTORS},
    {"un", WC_NOT_NAMES},
    {"under", WC_NOT_NAMES},
    {"unless", WC_PLAN_WORDS},
    {"until", WC_CLAUSE_STOPS},
    {"up", WC_COUNT_STARTS | WC_NOT_NAMES},
    {"updated", WC_NOT_NAMES},
    {"upon", WC_NOT_NAMES},
    {"upwards", WC_COUNT_STARTS},
    {"us", WC_NOT_NAMES},
    {"vehicles", WC_THING_NOUNS},
    {"via", WC_NOT_NAMES},
    {"victims", WC_PERSON_NOUNS},
    {"video", WC_NOT_NAMES},
    {"village", WC_COREF_PLACE_WORDS | WC_THING_NOUNS},
    {"villages", WC_THING_NOUNS},
    {"volunteers", WC_PERSON_NOUNS},
    {"vowed", WC_PLAN_WORDS},
    {"vows", WC_PLAN_WORDS},
    {"wadi", WC_NAME_CONNECTORS},
    {"want", WC_PLAN_WORDS},
    {"wants", WC_PLAN_WORDS},
    {"warned", WC_SPEECH_VERBS},
    {"warplanes", WC_THING_NOUNS},
    {"was", WC_PASSIVE_AUX},
    {"wasnt", WC_NEGATIONS},
    {"we", WC_NOT_NAMES},
    {"wednesday", WC_NOT_NAMES},
    {"weeks", WC_THING_NOUNS},
    {"well", WC_COUNT_STARTS},
    {"were", WC_PASSIVE_AUX},
    {"werent", WC_NEGATIONS},
    {"west", WC_DIRECTIONS | WC_NOT_NAMES},
    {"western", WC_DEMONYMS | WC_DIRECTIONS | WC_NOT_NAMES},
    {"when", WC_CLAUSE_STOPS},
    {"where", WC_CLAUSE_STOPS},
    {"whether", WC_PLAN_WORDS},
    {"which", WC_CLAUSE_STOPS},
    {"while", WC_CLAUSE_STOPS | WC_NOT_NAMES},
    {"who", WC_CLAUSE_STOPS},
    {"will", WC_MODAL_WORDS},
    {"with", WC_NOT_NAMES},
    {"within", WC_NOT_NAMES},
    {"without", WC_NEGATIONS | WC_NOT_NAMES},
    {"women", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"wont", WC_MODAL_WORDS},
    {"workers", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"worshippers", WC_CIVILIAN_NOUNS | WC_PERSON_NOUNS},
    {"would", WC_MODAL_WORDS},
    {"wouldnt", WC_NEGATIONS},
    {"wrote", WC_SPEECH_VERBS},
    {"years", WC_THING_NOUNS},
    {"yemeni", WC_DEMONYMS},
    {"yesterday", WC_DATE_STARTS},
    {"ypg", WC_NOT_NAMES},
};

const WordClassEntry *word_class_table(size_t *count)
{
    *count = sizeof word_table / sizeof *word_table;
    return word_table;
}

static int compare_word(const void *key, const void *elem)
{
    return strcmp(key, ((const WordClassEntry *)elem)->word);
}

uint32_t word_class(const char *folded)
{
    const WordClassEntry *e = bsearch(folded, word_table, sizeof word_table / sizeof *word_table,
                                      sizeof *word_table, compare_word);
    return e ? e->classes : 0;
}

/* ---- The compiled set ---------------------------------------------------------
 * Keyed by the same hash the tokenizer stores for every token
 * (TokenList.hashes, fold_hash_padded), so that a token's lookup reads
 * its hash and one slot, and never the fold itself unless the slot's hash
 * is the token's. Open addressing over a power of two at least four times
 * the table's size, 16-byte slots (32 KB: it stays in the L1 cache), so
 * that a miss (most tokens) usually ends at the first, empty slot. A hit
 * on the hash is confirmed by comparing the whole word, so no false hit
 * is possible. */
typedef struct WordSlot {
    uint64_t hash; /* fold_hash_padded() of the word; 0 = empty (never a hash) */
    uint32_t classes;
    uint16_t len;
    uint16_t text; /* offset of the word in WordClassSet.pool */
} WordSlot;

struct WordClassSet {
    WordSlot *slots;
    uint32_t mask;
    int shift; /* 64 - log2(slots): the slot is the hash's top bits */
    /* The words, each zero-padded to whole eight-byte units with eight
     * more zero bytes after, so that a confirmation compares eight bytes
     * at a time. */
    char *pool;
};

WordClassSet *word_class_set_build(Arena *arena)
{
    size_t n = sizeof word_table / sizeof *word_table;
    uint32_t size = 16;
    int bits = 4;
    while (size < n * 3) {
        size *= 2;
        bits++;
    }
    size_t pool_len = 0;
    for (size_t i = 0; i < n; i++)
        pool_len += (strlen(word_table[i].word) + 7) / 8 * 8 + 8;
    WordClassSet *set = arena_alloc(arena, sizeof *set);
    set->slots = arena_alloc(arena, size * sizeof *set->slots);
    set->mask = size - 1;
    set->shift = 64 - bits;
    set->pool = arena_alloc(arena, pool_len); /* zeroed: the padding */
    size_t at = 0;
    for (size_t i = 0; i < n; i++) {
        const char *w = word_table[i].word;
        size_t len = strlen(w);
        memcpy(set->pool + at, w, len);
        uint64_t h = fold_hash_padded(set->pool + at, len);
        uint32_t idx = (uint32_t)(h >> set->shift);
        while (set->slots[idx].hash)
            idx = (idx + 1) & set->mask;
        set->slots[idx] = (WordSlot){h, word_table[i].classes, (uint16_t)len, (uint16_t)at};
        at += (len + 7) / 8 * 8 + 8;
    }
    return set;
}

/* Whether the pool word at w (zero-padded) is plain[0..n), n > 8. Out of
 * line: a call in the probe below would make every lookup save registers
 * for it, and few words are this long. */
static __attribute__((noinline)) bool long_word_is(const char *w, const char *plain, size_t n)
{
    return !memcmp(w, plain, n);
}

/* Whether the pool word at w (zero-padded) is plain[0..n), n > 0, which
 * may be read in whole eight-byte units (TokenList.folded or a padded
 * copy). Asked only when the hashes agree: almost always true. */
static inline bool pool_word_is(const char *w, const char *plain, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n <= 8) { /* most words: one load each, the bytes past the fold masked */
        uint64_t a, b;
        memcpy(&a, w, 8);
        memcpy(&b, plain, 8);
        return a == (b & (~0ull >> (64 - 8 * n)));
    }
#endif
    return long_word_is(w, plain, n);
}

/* The probe, for a word of n bytes (n > 0) whose fold_hash_padded() is h. */
static inline uint32_t set_find(const WordClassSet *set, uint64_t h, const char *plain, size_t n)
{
    for (uint32_t idx = (uint32_t)(h >> set->shift);; idx = (idx + 1) & set->mask) {
        const WordSlot *s = &set->slots[idx];
        if (s->hash != h) {
            if (!s->hash)
                return 0;
            continue;
        }
        if (s->len == n && pool_word_is(set->pool + s->text, plain, n))
            return s->classes;
    }
}

uint32_t word_class_set_find(const WordClassSet *set, const char *plain, size_t n)
{
    /* a copy with the zero padding the hash and the comparison read */
    uint64_t buf[FOLD_MAX / 8 + 1] = {0};
    if (n == 0 || n >= FOLD_MAX)
        return 0;
    memcpy(buf, plain, n);
    return set_find(set, fold_hash_padded((const char *)buf, n), (const char *)buf, n);
}

/* lexicon_token_class() for what its fast path leaves: no hashes or no
 * compiled set, a word longer than eight bytes, a probe past the first
 * slot. */
static __attribute__((noinline)) uint32_t token_class_slow(const Lexicon *lex, const TokenList *tl,
                                                           int i)
{
    const Token *t = &tl->items[i];
    const char *f = tl->folded + t->fold;
    size_t n = t->fold_len;
    if (!lex || !lex->word_classes || n == 0 || n >= FOLD_MAX)
        return lexicon_word_class(lex, f, n);
    /* TokenList.folded may be read eight bytes at a time (FOLD_SLACK) */
    uint64_t h = tl->hashes ? tl->hashes[i] : fold_hash_padded(f, n);
    return set_find(lex->word_classes, h, f, n);
}

uint32_t lexicon_token_class(const Lexicon *lex, const TokenList *tl, int i)
{
    /* Asked of every word of every text. Most end at their first slot,
     * empty or holding the word itself, using the hash tokenize() made;
     * the rest go to token_class_slow(), kept apart so that this path
     * calls nothing and needs no saved registers. */
    const WordClassSet *set = lex ? lex->word_classes : NULL;
    const Token *t = &tl->items[i];
    size_t n = t->fold_len;
    if (!set || !tl->hashes || n == 0 || n > 8)
        return token_class_slow(lex, tl, i);
    uint64_t h = tl->hashes[i];
    const WordSlot *s = &set->slots[h >> set->shift];
    if (!s->hash)
        return 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (s->hash == h && s->len == n) {
        /* the word confirmed: one load each, the bytes past the fold
         * masked (TokenList.folded has FOLD_SLACK bytes after a fold) */
        uint64_t a, b;
        memcpy(&a, set->pool + s->text, 8);
        memcpy(&b, tl->folded + t->fold, 8);
        if (a == (b & (~0ull >> (64 - 8 * n))))
            return s->classes;
    }
#endif
    return token_class_slow(lex, tl, i);
}

void lexicon_token_classes(const Lexicon *lex, const TokenList *tl, uint32_t *out)
{
    const WordClassSet *set = lex ? lex->word_classes : NULL;
    if (!set || !tl->hashes) {
        for (int i = 0; i < tl->count; i++)
            out[i] = tl->items[i].kind == TOKEN_WORD ? token_class_slow(lex, tl, i) : 0;
        return;
    }
    for (int i = 0; i < tl->count; i++) {
        const Token *t = &tl->items[i];
        size_t n = t->fold_len;
        if (t->kind != TOKEN_WORD || n == 0)
            out[i] = 0;
        else
            /* the probe inlined: the table's fields stay in registers for
             * the whole list, and the hash is tokenize()'s (folds are
             * shorter than FOLD_MAX) */
            out[i] = set_find(set, tl->hashes[i], tl->folded + t->fold, n);
    }
}

uint32_t lexicon_word_class(const Lexicon *lex, const char *plain, size_t n)
{
    if (lex && lex->word_classes)
        return word_class_set_find(lex->word_classes, plain, n);
    /* a lexicon not made by lexicon_load: the table itself */
    char buf[FOLD_MAX];
    if (n >= sizeof buf)
        return 0;
    memcpy(buf, plain, n);
    buf[n] = '\0';
    return word_class(buf);
}
