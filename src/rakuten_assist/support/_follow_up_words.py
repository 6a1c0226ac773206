"""Words by which a reply follows up on the conversation: yes, thanks, "and for...", "it"."""

from __future__ import annotations

import re

__all__ = [
    "ACK",
    "ANOTHER_PARCEL",
    "ASKED_POSTCODE",
    "BARE_WHY",
    "CORRECTED",
    "FOLLOW_UP",
    "GOES_ON",
    "GO_ON",
    "GO_ON_MAX_WORDS",
    "IS_THAT_WHY",
    "JUST_ONE",
    "LINK_ASKED",
    "LINK_WORDS",
    "LONE_TOKEN",
    "MANY_CARRIERS",
    "MAX_FOLLOW_UP_WORDS",
    "NEXT",
    "NEXT_MAX_WORDS",
    "NEXT_WORDS",
    "NO",
    "ORDERS_FETCHED",
    "OTHER_SHIPMENTS",
    "RAKUTEN_NAME",
    "REFERS",
    "SAME_PARCEL",
    "THANKS",
    "WHAT_INSTEAD",
    "WH_MAX_WORDS",
    "WH_OPENING",
    "YES",
]


_YES_WORDS = (
    r"(?:yes|yeah|yep|ok|okay|sure|please|go|go ahead|go on|please do|do it|let's do it|"
    r"oui|ouais|d'accord|dac|vas-y|vas y|allez-y|allez y|allez|volontiers|je veux bien|"
    r"avec plaisir|"
    r"c'est parti|stp|svp)"
)
# "oui", "ok vas-y", "yes please, go ahead": yes-words only, one or several ("ok merci" is
# thanks, not a yes).
YES = re.compile(
    rf"^\s*(?:ok\s+|oui\s+|yes\s+)?(?:yes|yeah|yep|ok|okay|sure|please|go|go ahead|oui|"
    rf"ouais|d'accord|dac|vas-y|vas y|allez-y|allez y|volontiers|je veux bien|c'est parti|"
    rf"please do|let's do it|oui merci|yes thanks)(?:[\s,]+{_YES_WORDS})*"
    # the step offered, named ("vas-y pour le lien", "yes, the link please")
    rf"(?:[\s,]+(?:pour |for )?(?:le |the )(?:lien|link)(?:[\s,]+{_YES_WORDS})?)?\s*[.!]*\s*$",
    re.IGNORECASE,
)
THANKS = re.compile(
    r"(?i)\b(thanks|thank\s+you|thx|cheers|merci|je\s+vous\s+remercie)\b",
)
FOLLOW_UP = re.compile(r"^\s*(and|et|what about|how about|et pour|and for|et avec|and with)\b")
ASKED_POSTCODE = re.compile(r"(?<![\w.,-])(\d{4,5})(?![\w-]|[.,]\d)")
LINK_WORDS = re.compile(r"(?i)\b(lien|link|url|suivi|tracking|track)\b")
#: the link itself asked for, not tracking in general ("first is 8R04177352917. link?")
#: (folded text)
LINK_ASKED = re.compile(r"\b(?:lien|liens|link|links|url)\b")
#: one token of letters and digits (at least two digits), as a tracking number is typed
LONE_TOKEN = re.compile(r"^(?=(?:[A-Za-z]*\d){2})[A-Za-z0-9]{6,35}$")
# Words by which a message refers back to what was just said: an object pronoun ("should I
# ship it?", "je dois l'expédier ?", "je la reconnais comment ?") or "instead" / "à la place".
REFERS = re.compile(
    r"\b(?:it|it's|them|they|instead|which one|that one|this one|that carrier|this carrier|"
    r"what if|and if|et si)\b"
    r"|\b(?:je|j'|tu|il|elle|on|nous|vous|ils|elles|dois|doit|faut|peux|peut|ne)\s+"
    r"(?:le|la|les|lui|leur|y|en)\b"
    r"|\bl'\w+(?:er|ir|re|e|es|ent)\b"
    r"|\b(?:ca|cela|celle-ci|celui-ci|celui-la|celle-la|ce transporteur|a la place|sinon)\b"
    # an object pronoun elided ("je l'ai régénéré"), both things just named ("les deux")
    r"|\b(?:je|tu|il|elle|on|nous|vous|ils|elles)\s+l'"
    r"|\b(?:les deux|tous les deux|toutes les deux|both|both of them)\b"
    # a verdict asked on what was just said ("c'est bon pour vous ?", "is that ok?")
    r"|\bc'est (?:bon|ok|possible|accepte|gere|pris)\b"
    r"|\b(?:is that|is this|would that be|would this be) (?:ok|okay|fine|alright|accepted)\b"
    # a subject pronoun of a thing just named ("il est accepté ?", "elle marche ?")
    r"|\b(?:il|elle|ils|elles)\s+(?:est|sont|marche|marchent|passe|passent|fonctionne|"
    r"fonctionnent)\b"
)
# A question word alone, asking more of the last answer ("pourquoi ?", "how so?").
BARE_WHY = re.compile(
    r"^\s*(?:et\s+|and\s+|mais\s+|but\s+)?(?:pourquoi|pourquoi donc|pourquoi pas|why|why so|"
    r"why not|how so|"
    r"c'est a dire|ca veut dire|meaning|comment ca)\s*[?!.]*\s*$"
)
# A question on the error just explained, in the user's own words: whether something is its
# cause ("c'est pour ça ?", "is that why?"), or what goes in its place ("quel identifiant à
# la place ?", "which id belongs in that parameter?") (folded text)
IS_THAT_WHY = re.compile(
    r"\bc'est (?:pour ca|ca le (?:souci|probleme)|(?:ca|la) la (?:cause|raison))\b|"
    r"\bca (?:vient|viendrait) de la\b|\bserait-ce\b|\bc'est la raison\b|"
    r"\bis (?:that|this) (?:why|the (?:reason|cause|problem|issue))\b|\bthat's why\b|"
    r"\bcould (?:that|this) be (?:it|why|the (?:reason|cause))\b|\bwould (?:that|this) explain\b|"
    # the cause guessed first ("c'est parce que j'ai pas encore accepté la vente ?")
    r"\bc'est parce qu|\best-ce parce qu|\bc'est a cause d|\bis (?:that|it|this) because\b|"
    r"\bis it due to\b"
)
WHAT_INSTEAD = re.compile(
    r"\b(?:quel|quelle|quels|which|what)\b.*\b(?:a la place|instead)\b|"
    r"\b(?:that|this|ce|cet|le meme) (?:parameter|parametre|field|champ)\b"
)
# Words that keep the parcel while changing its carrier ("and with Chronopost instead?")
SAME_PARCEL = re.compile(
    r"\b(?:avec|with|instead|a la place|plutot|rather|same parcel|meme colis|ce colis|"
    r"this parcel)\b"
)
# A number said to replace the one given before ("le bon numéro c'est ...", "wrong number,
# it's ...", "correct tracking is ...") (folded text)
CORRECTED = re.compile(
    r"\b(?:le bon numero|le vrai numero|bon numero|pas l'autre|je me suis trompe|erreur de numero|"
    r"the right number|the correct number|correct tracking|wrong number|not the other one|"
    r"i meant|my mistake|sorry,? it's)\b"
)
#: a short message that only asks the setup walkthrough to go on: NEXT_WORDS and more
#: ("done", "c'est fait, la suite ?", "ok he'll ask them. and then?", "what now?") (folded)
GO_ON = re.compile(
    r"\b(?:next|ensuite|la suite|suivant|suivante|et apres|and then|then what|what now|"
    r"now what|et maintenant|c'est fait|c fait|deja fait|its done|it's done|all done|done|fini|"
    r"termine|c bon|c'est bon|ca y est|on continue|continue|carry on|go on|keep going|"
    r"on enchaine|"
    # back to the walkthrough after an aside ("bon on reprend où on en était")
    r"on reprend|reprenons|on en etait|where we were|where were we|resume|"
    r"back to the setup|retour a la config\w*)\b"
)
#: at most this many words: a longer message asks something of its own
GO_ON_MAX_WORDS = 14


#: the carrier's name as Rakuten wants it, asked without naming the carrier ("le nom à mettre
#: chez Rakuten c'est quoi ?", "what's the name to send?") (folded text)
RAKUTEN_NAME = re.compile(
    r"\bnom (?:a mettre|a envoyer|a indiquer|a renseigner|a declarer|chez rakuten|pour rakuten|"
    r"du transporteur|de transporteur)|\bquel nom\b|\b(?:transporter|carrier) name\b|"
    r"\bname (?:to send|to put|to enter|to use|on rakuten|for rakuten)\b|\brakuten name\b|"
    r"\b(?:which|what) name\b"
)
#: a short question opening with a question word and nothing of its own ("who do we ask
#: exactly?", "c'est qui exactement ?", "where exactly?") asks more of the last topic (folded)
WH_OPENING = re.compile(
    r"^\s*(?:(?:ok|okay|and|et|so|donc|alors|mais|but)[\s,.]+)?(?:c'est\s+)?"
    r"(?:who|whom|where|how|when|which one|qui|ou|comment|quand|lequel|laquelle|"
    r"aupres de qui|a qui)\b"
)
#: at most this many words for such a question
WH_MAX_WORDS = 6
# A message that goes on from the last answer ("ok, on met quel nom dans le champ
# transporteur ?"), unless it asks about carriers in general ("which carriers...").
GOES_ON = re.compile(
    r"^\s*(?:ok|okay|d'accord|super|parfait|merci|thanks|great|alors|du coup|donc|so|and|et)\b"
)
#: the one carrier just found, said as such ("is that one on Rakuten's list?")
JUST_ONE = re.compile(
    r"\b(?:that one|this one|that carrier|this carrier|celui-ci|celui-la|ce transporteur)\b"
)
MANY_CARRIERS = re.compile(r"\b(?:transporteurs|carriers|quels|quelles|which ones|list|liste)\b")
#: the most words of a short follow-up ("et pour la Belgique ?", "should I ship it?")
MAX_FOLLOW_UP_WORDS = 12
ACK = re.compile(
    r"(?i)^\s*(ok|okay|d'accord|dac|super|parfait|cool|top|entendu|compris|noted|got it|i see|"
    r"je vois|understood|great|perfect)\s*[.!]*\s*$"
)
# A message about another shipment than the one just linked ("et pour un envoi en Mondial
# Relay ?"), not the same parcel under another carrier ("and with Chronopost instead?").
ANOTHER_PARCEL = re.compile(
    r"\b(?:un envoi|une expedition|un colis|un autre|une autre|un nouveau|autre colis|"
    r"another|a parcel|a shipment|a package|other parcel|new parcel)\b"
)
#: the merchant's other shipments, not the parcel just linked ("he also ships some orders
#: with Colis Prive, what name for that one?") (folded text)
OTHER_SHIPMENTS = re.compile(
    r"\b(?:some orders|some parcels|other orders|other parcels|certaines commandes|"
    r"certains colis|d'autres commandes|d'autres colis|also ships|also sends|envoie aussi|"
    r"expedie aussi)\b"
)
# Words about orders being fetched or seen ("les commandes belges remontent ?", "are
# German orders retrieved?"), or orders asked of the tool ("vous gérez les commandes
# belges ?", "do you handle orders from Germany?"): a country question even beside a
# carrier's name (folded text).
ORDERS_FETCHED = re.compile(
    r"\b(?:remont\w*|recuper\w*|retriev\w*|fetch\w*|import\w*|recoi\w*|recev\w*|receiv\w*|"
    r"voi[st]|voyons|see|seen|appear\w*|apparai\w*|arriv\w*|filtr\w*|getnewsales|getcurrentsales)\b"
    r"|\b(?:vous|you|outil|tool|logiciel|software|app|bot)\b.*\b(?:commandes?|ventes?|orders?|sales?)\b"
)

# "what next?": the offered next step, as a "yes" runs it.
NEXT = re.compile(
    r"(?i)^\s*(?:ok|okay|d'accord|bon|super|parfait|merci|thanks)?[\s,]*(?:et\s+)?"
    r"(?:ensuite|apres|après|la suite|suivant|l'etape suivante|l'étape suivante|next|"
    r"what'?s next|and then|then what|next step)\s*[?.!]*\s*$"
)
# A short message about the next step, in other words ("ok, what's next after that?").
NEXT_WORDS = re.compile(
    r"(?i)\b(?:next|ensuite|la suite|l'etape suivante|l'étape suivante|et apres|et après|"
    r"l'etape d'apres|l'étape d'après)(?!\w)"
)
NEXT_MAX_WORDS = 8
# "no" to an offered next step: acknowledged, nothing run.
NO = re.compile(r"(?i)^\s*(no|nope|non|pas besoin|no need|not now|pas maintenant)\s*[.!]*\s*$")
