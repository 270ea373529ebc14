package benchcorpus

// The vocabulary of the filler prose. Every word is plain lowercase ASCII with no
// quotes or dashes, so the typographer leaves the prose alone and the plain-text
// projection the generator keeps is exactly what a renderer would show.

var subjects = []string{
	"the government", "officials", "the interior ministry", "protesters", "residents",
	"local reporters", "the regional council", "security forces", "witnesses",
	"the prosecutor", "opposition groups", "analysts", "the city administration",
	"the border service", "observers", "the press office", "several deputies",
	"shop owners", "the national bank", "foreign diplomats", "the energy regulator",
	"rail workers", "the health service", "the election commission", "truck drivers",
}

var verbs = []string{
	"announced", "denied", "confirmed", "reported", "described", "questioned",
	"welcomed", "rejected", "documented", "estimated", "disputed", "outlined",
	"acknowledged", "criticised", "postponed", "defended", "investigated", "published",
	"summarised", "revised", "examined", "recorded", "challenged", "supported",
}

var objects = []string{
	"the new measures", "the curfew", "the fuel price increase", "the casualty figures",
	"the official account", "the internet shutdown", "the arrests", "the deployment",
	"the emergency decree", "the negotiations", "the damage to public buildings",
	"the evacuation plan", "the list of detainees", "the timeline of events",
	"the budget revision", "the trade restrictions", "the road closures",
	"the statement from the capital", "the reports of looting", "the energy subsidies",
	"the compensation scheme", "the reopening of banks", "the security cordon",
}

var adverbials = []string{
	"on Tuesday", "late in the evening", "after a long meeting", "without giving details",
	"in a written statement", "during a televised address", "in the early hours",
	"at a press briefing", "according to local media", "within a few hours",
	"in several districts", "near the main square", "for the second day",
	"despite earlier promises", "in the northern provinces", "after the weekend",
	"at the regional headquarters", "in an interview", "before the deadline",
}

var connectives = []string{
	"Meanwhile", "However", "At the same time", "Later", "In response", "Separately",
	"By contrast", "Earlier", "In addition", "As a result", "Nevertheless", "Still",
}

var clauses = []string{
	"the situation remained tense", "traffic returned to the main roads",
	"the markets stayed closed", "mobile networks were partly restored",
	"the schools moved their classes online", "queues formed outside the banks",
	"the airport suspended its flights", "prices in the shops rose sharply",
	"the streets were largely empty", "the courts resumed their hearings",
	"the local radio station went off the air", "public transport ran on a reduced schedule",
	"the hospitals asked for more supplies", "the curfew was extended once more",
	"the factories cut their shifts", "the protests spread to smaller towns",
}

var headingWords = []string{
	"Background", "Timeline", "What we know", "The official account", "Witness accounts",
	"Numbers and sources", "Reactions abroad", "The economic impact", "Open questions",
	"How we checked", "The legal framework", "Regional differences", "The media coverage",
	"What happened next", "Context", "Methodology", "Key dates", "The aftermath",
}

var places = []string{
	"Orlevo", "Tamsk", "Dunmarra", "Vesterholm", "Kalvino", "Brisgard", "Olmuta",
	"Sarnath", "Pelgrave", "Turnovka", "Ismarra", "Gorvath", "Lindmoor", "Quessel",
}

var quantityNouns = []string{
	"troops", "protesters", "vehicles", "detainees", "police officers", "volunteers",
	"buses", "shops", "journalists", "injured people", "checkpoints", "flights",
	"tonnes of grain", "households", "rail cars", "tents", "doctors", "soldiers",
}

var quantityVerbs = []string{
	"arrived in", "were counted in", "left", "were registered in", "gathered in",
	"were sent to", "were reported in", "remained in", "were moved out of", "returned to",
}

var timeSpans = []string{
	"within two days", "by the end of the week", "before the curfew", "over the weekend",
	"in the first 48 hours", "on the morning of the vote", "during the night",
	"by Friday evening", "in under a week", "after the ceasefire",
}

var quoteOpeners = []string{
	"we will not allow", "nobody ordered", "there is no evidence of", "we have already stopped",
	"the state guarantees", "our people will not accept", "we fully control",
	"the organisers planned", "no foreign country caused", "we are ready to discuss",
}

var quoteObjects = []string{
	"any attack on the", "the closure of the", "a second wave in the", "the looting of the",
	"the safety of the", "the blockade of the", "the return of order to the",
	"the new elections in the", "the release of the",
}

var quoteTargets = []string{
	"airports", "banks", "border posts", "city halls", "power stations", "courts",
	"regional offices", "railway stations", "universities", "markets", "grain stores",
}

var roles = []string{
	"minister of the interior", "spokesperson", "regional governor", "opposition leader",
	"senior analyst", "chief of staff", "deputy prime minister", "ambassador",
	"human rights lawyer", "editor in chief", "military commander", "central bank governor",
	"trade union leader", "mayor", "foreign minister", "security adviser",
}

var firstNames = []string{
	"Aldan", "Berik", "Coralie", "Dmitra", "Elvan", "Farida", "Gulnar", "Hakan", "Ilsa",
	"Jovan", "Kaisa", "Lior", "Marat", "Nadira", "Oskar", "Petra", "Rustam", "Saule",
	"Timur", "Ulla", "Vera", "Yerlan", "Zarina", "Anouk", "Bolat", "Dana", "Emil",
	"Galym", "Ingrid", "Kuat", "Laila", "Nurlan", "Olga", "Ravil", "Sabina", "Tomas",
}

// Syllables for surnames and organization roots. No syllable is a prefix of another,
// so two names of the same syllable count can never be prefixes of each other.
var syllables = []string{
	"bal", "dor", "ket", "lum", "mav", "nir", "pos", "quen", "rav", "sul", "tov", "vek",
	"zar", "gim", "hes", "jul", "kor", "lan", "mek", "nod", "pir", "rus", "tek", "vol",
}

var tags = []string{
	"protests", "security", "economy", "energy", "diplomacy", "media", "elections",
	"courts", "borders", "transport", "health", "internet",
}

var codeLangs = []string{"json", "text", "sh", "yaml"}
