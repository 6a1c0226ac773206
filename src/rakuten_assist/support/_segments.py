"""A message cut into its sentences, and the questions among them.

Real messages mix background ("we switched to a new feed last week...") with one or more
questions. The sentences ending with a question mark, or starting with a question word, are
the questions; the engine answers at most three of them, in order, and otherwise weighs the
question over the background.
"""

from __future__ import annotations

import re

from rakuten_assist.support._envelope import asks_nothing
from rakuten_assist.support._lang import fold

__all__ = [
    "MAX_QUESTIONS",
    "focus",
    "focus_with_context",
    "is_question",
    "questions",
    "sentences",
]

MAX_QUESTIONS = 3

# A question mark ends a question; a newline, or a full stop / exclamation mark followed by
# a capital, ends a sentence. Dots inside numbers, URLs and e-mails do not.
_AFTER_QUESTION = re.compile(r"(?<=[?？])\s*")
_LINES = re.compile(r"\s*\n+\s*")
_SENTENCE_END = re.compile(r"(?<=[.!])\s+(?=[A-ZÀ-ÖØ-Þ«\"'])")
# People who type in lower case end sentences too: a full stop after a word of three letters
# or more, then a lower-case word, ends one ("on a tout configuré. comment on teste ?");
# also after a closing bracket, quote or tag ("(colissimo, mondial relay). il voudrait");
# not after an abbreviation ("cf. la doc", "env. 3 jours") nor inside a number or address.
_LOWER_END = re.compile(
    r"(?:(?<=[^\W\d_]{3}[.!])|(?<=[^\W\d_][)\]»\"”'>][.!]))\s+(?=(?:[-–—]\s+)?[a-zà-ÿ])"
)
_ABBREVIATIONS = frozenset({"etc", "env", "cf", "vs", "min", "max", "tel", "ref", "approx", "incl"})
_QUESTION_WORDS = frozenset(
    """
    comment ou quel quelle quels quelles quoi pourquoi combien quand qui est-ce est ce
    peut peux puis-je pouvez dois doit faut how what what's where where's which why who
    when can could should do does is are will would
    """.split()
)
# Inside a sentence, where a new question may start: a semicolon, an enumeration ("2)",
# "2."), a comma followed by "and" / "et" or by a question word, "and" / "et" followed by a
# question word ("where's the token and what's the quota?"). A piece is only answered apart when it
# asks something of its own (the engine checks), so a list of carriers is never cut up.
_INNER = re.compile(
    r"\s*;\s*|\s+(?=\d[.)]\s)|,\s*(?:and|et|also|aussi|puis|then)\s+"
    r"|\s+(?:and|et|also|aussi|sinon|ensuite|puis)\s+"
    r"(?=(?:(?:aussi|also)\s+)?(?:est-ce|est ce|faut-il|peut-on|c'est quel|"
    r"quel|quelle|quels|quelles|comment|combien|pourquoi|quand|dis[- ]moi|dites[- ]moi|tell me|"
    r"what|what's|where|where's|how|which|why|do|"
    r"does|can|should|is|are)\b)"
    r"|[,:]\s*(?=(?:quel|quelle|quels|quelles|comment|ou|où|what|what's|where|where's|how|which|"
    r"who|when|why|is|are|do|does|can)\b)",
    re.IGNORECASE,
)
_LEADING = re.compile(
    r"^(?:(?:bonjour|bjr|bonsoir|salut|slt|hello|hi|hey)\b[\s,!-]*)?"
    r"(?:\d[.)]\s*)?(?:et|and|also|aussi|sinon|ensuite|puis|then|but|mais|ok|donc|so)?\b[\s,]*"
)
# Question phrasings that do not start with a question word ("c'est quoi le login"),
# indirect questions ("le marchand voudrait savoir combien..."), and French "quoi" asked in
# place ("je mets quoi comme login"; "n'importe quoi", "de quoi", "quoi que" do not ask).
_ASKING = re.compile(
    r"\b(?:c'est quoi|qu'est-ce|c'est ou|c'est combien|c'est (?:quel|quelle|qui|lequel|laquelle)|"
    r"faut-il|dois-je|est-ce|peut-on|puis-je|"
    r"(?:voudrai[st]?|aimerai[st]?|souhaite|souhaiterai[st]?|veut|veux) savoir|"
    r"(?:like|want|wants|need|needs) to know|wondering|wonders|"
    r"(?:dis|dites)[- ]moi (?:de |si |quel|quelle|qui|ou|comment|combien|pourquoi)|"
    r"tell me (?:if|whether|which|what|who|whose|where|how|why))\b"
    r"|(?<!importe )(?<!de )\bquoi\b(?! que\b)"
)
# Asked without a question mark, as people type on a phone: a question word left in place at
# the end ("le token je le trouve où", "il expire quand"), "combien" anywhere, "or not", or a
# yes/no question said as a statement about whether something will do ("Colissimo c'est
# accepté", "les commandes belges remontent aussi", "is UPS ok for Rakuten"). Folded text.
_ASKED_IN_PLACE = re.compile(
    r"(?:\b(?:ou|quand|combien|comment|pourquoi|lequel|laquelle|lesquels)"
    r"|\b(?:ou|or) (?:pas|non|not)"
    r"|\b(?:accepte|acceptee|acceptes|acceptees|supporte|supportee|supported|accepted|gere|"
    r"geree|ok|okay|bon|possible|normal|obligatoire|mandatory|required|pris en charge|"
    r"ca passe|ca marche|fine|allowed|autorise|compatible|valable|remontent|come through|"
    r"come in|dure|expire|expires|last|lasts)"
    r"(?: (?:pour|sur|par|chez|for|on|with|by) (?:rakuten|vous|you|nous|us))?"
    r"(?: (?:aussi|too|as well|also|pour rakuten))?)"
    r"(?: (?:svp|stp|please|pls|exactement|exactly|alors|du coup))?\s*[.!]*$"
    r"|\bcombien\b"
)
#: an indirect question's lead ("il voudrait savoir", "she wants to know"; folded text)
_WANTS_TO_KNOW = re.compile(
    r"\b(?:(?:voudrai[st]?|aimerai[st]?|souhaite|souhaiterai[st]?|veut|veux) savoir|"
    r"(?:like|want|wants|need|needs) to know|wondering|wonders)\b"
)
#: a piece going on with what is wondered: "(et) aussi si ...", "also whether ..."
_WHETHER = re.compile(r"^(?:(?:et |and )?(?:aussi|also) )?(?:si|s'il|s'ils|whether|if)\b")
#: a piece of a message numbered as one of a list ("1) ...", "2. ...")
_NUMBERED = re.compile(r"^\s*\d[.)]\s")
_WORD = re.compile(r"[a-z0-9'-]+")
# After a question, a sentence that goes on with "and" asks too, question mark or not
# ("le login c'est mon mail ? et le token je le trouve ou svp").
_GOES_ON = re.compile(r"^(?:et|and|also|aussi|sinon|plus)\b")


#: a person's title ends with a full stop that ends no sentence ("M. Bartolini demande...")
_TITLE_END = re.compile(r"(?:^|\s)(?:M|Mme|Mlle|Mr|Mrs|Ms|Dr)\.$")


def _sentence_parts(chunk: str) -> list[str]:
    """``chunk`` cut at its full stops before a capital, never after a person's title."""
    parts: list[str] = []
    for part in _SENTENCE_END.split(chunk):
        if parts and _TITLE_END.search(parts[-1]):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


def sentences(text: str) -> list[str]:
    """The sentences of ``text``, in order, without empty ones."""
    found: list[str] = []
    for line in _LINES.split(text.strip()):
        for chunk in _AFTER_QUESTION.split(line):
            for part in _sentence_parts(chunk):
                found.extend(p.strip() for p in _lower_sentences(part) if p.strip())
    return found


def _lower_sentences(text: str) -> list[str]:
    """``text`` cut at full stops followed by a lower-case word, abbreviations kept whole."""
    pieces: list[str] = []
    for piece in _LOWER_END.split(text):
        words_before = pieces[-1].rstrip(".!").split() if pieces else []
        if words_before and fold(words_before[-1]) in _ABBREVIATIONS:
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def is_question(sentence: str) -> bool:
    """Whether ``sentence`` asks: a question mark, a question word first, or a phrasing that
    asks ("c'est quoi le login")."""
    if sentence.rstrip().endswith(("?", "？")):
        return True
    # (a dash or a quote mark before it asks nothing: "Quota exceeded. - what does it mean")
    folded = _LEADING.sub("", fold(sentence).strip().lstrip("-–—•*>:\"' "))
    first = _WORD.findall(folded)[:1]
    return (bool(first) and first[0] in _QUESTION_WORDS) or bool(_ASKING.search(folded))


def _asked_without_mark(piece: str) -> bool:
    """Whether a piece of a message with no question mark at all asks anyway: it asks by
    its words, or in place, or as a yes/no statement (see ``_ASKED_IN_PLACE``)."""
    return is_question(piece) or bool(_ASKED_IN_PLACE.search(fold(piece).strip()))


def _asks_for_a_link(piece: str) -> bool:
    """A request for a link with its number, said without asking ("lien de suivi pour UPS
    1Z7Y4192W680341257", "tracking link for 6A12345678905"): a request of its own."""
    return bool(_LINK_REQUEST.search(fold(piece))) and bool(_NUMBER.search(piece))


_LINK_REQUEST = re.compile(r"\b(?:lien|liens|link|links|url)\b")
_NUMBER = re.compile(r"\b(?=[A-Za-z0-9]*\d{6})[A-Za-z0-9]{8,}\b")


def questions(text: str) -> list[str]:
    """The questions of ``text``, in order (at most :data:`MAX_QUESTIONS`).

    A sentence that asks is also cut where a new question may start inside it ("is Colis
    Privé supported, and do you get Spanish orders?"); a piece that requests a link for a
    number is one of them ("lien de suivi pour UPS 1Z..., et le numéro CB... c'est quel
    transporteur ?").
    """
    listed = _list_items(text)
    if len(listed) > 1:
        # a list of questions, numbered or bulleted, one per line ("- il m'a donné son mail
        # comme identifiant, c'est bon ?\n- il ne trouve pas le token"): each item whole
        return listed[:MAX_QUESTIONS]
    found: list[str] = []
    # Typed with no question mark at all, a message's questions are found by their words.
    unmarked = not any(mark in text for mark in "?？")
    asks = _asked_without_mark if unmarked else is_question
    cut = [
        (sentence, [p.strip(" ,") for p in _INNER.split(sentence) if p and p.strip(" ,")])
        for sentence in sentences(text)
    ]
    # a numbered list is a list of questions ("1) le login c'est l'email 2) le token ?")
    numbered = sum(bool(_NUMBERED.match(p)) for _, pieces in cut for p in pieces) > 1
    for sentence, pieces in cut:
        asks_here = any(asks(p) for p in pieces)
        # "il voudrait savoir combien ..., et aussi si les commandes belges remontent": a
        # piece going on with "si" / "whether" asks what the sentence wants to know too
        wonders = any(_WANTS_TO_KNOW.search(fold(p)) for p in pieces)
        asked = [
            p
            for p in pieces
            if asks(p)
            or (wonders and _WHETHER.match(fold(p)))
            or (len(pieces) > 1 and _asks_for_a_link(p))
            or (numbered and _NUMBERED.match(p))
            # a problem told beside a question is asked about too ("les sku ne matchent
            # pas, et ON_HOLD ça veut dire quoi ?")
            or (asks_here and len(pieces) > 1 and tells_problem(p))
        ]
        if unmarked and len(asked) < 2:
            asked = _cut_at_and(sentence) or asked
        if len(asked) > 1:
            found.extend(asked)
        elif asks(sentence) or (found and _GOES_ON.match(fold(sentence))):
            found.append(sentence)
        elif numbered and asked:
            found.extend(asked)
    if unmarked and not found:
        # nothing asked, several problems told ("j'ai l'erreur Quota exceeded. et nos ventes
        # belges apparaissent pas non plus"): each is what the user wants answered
        told = [sentence for sentence, _ in cut if tells_problem(sentence)]
        if len(told) > 1:
            found = told
    return found[:MAX_QUESTIONS]


#: a line that is an item of a list: "1) ...", "2. ...", "- ...", "• ...", "* ..."
_LIST_ITEM = re.compile(r"^\s*(?:\d[.)]|[-•*])\s+(?P<item>\S.*?)\s*$")


def _list_items(text: str) -> list[str]:
    """The items of a list the message asks in, one per line, when there are several; a
    line that is only a heading or a sentence ends no item."""
    items = []
    for line in text.splitlines():
        found = _LIST_ITEM.match(line)
        if found:
            items.append(found.group("item"))
    return items


#: a problem told: something that does not work, appear, match... (folded text)
_PROBLEM = re.compile(
    r"\b(?:ne|n')\s*\w+(?:\s+\w+)? (?:pas|plus|jamais)\b|\b\w+ (?:pas|plus) (?:non plus|du tout)\b|"
    r"\b(?:apparaissent|apparait|marchent|marche|matchent|match|remontent|remonte|passe|passent|"
    r"fonctionne|fonctionnent) (?:pas|plus)\b|"
    r"\b(?:doesn't|don't|didn't|isn't|aren't|won't|can't|never) \w+|\b(?:fails?|failing|broken)\b|"
    r"\bj'ai (?:l'|une |un )?erreur\b|\bwe (?:get|got|have) (?:an? |the )?error\b"
)
#: a problem told is at least this many words ("pas du tout" alone is none)
_PROBLEM_WORDS = 3


def tells_problem(piece: str) -> bool:
    """Whether ``piece`` tells a problem ("les sku ne matchent pas", "nos ventes belges
    apparaissent pas", "j'ai l'erreur Quota exceeded")."""
    folded = fold(piece)
    return len(folded.split()) >= _PROBLEM_WORDS and bool(_PROBLEM.search(folded))


# where a question typed without marks may end: "et" / "and"..., or before a question word
# ("Faut-il un compte pro Comment avoir une commande test", "Mondial Relay c'est accepté
# quel lien pour le colis 58204719")
_AND = re.compile(
    r"\s+(?:et|and|also|aussi|sinon|plus)\s+"
    r"|\s+(?=(?:quel|quelle|quels|quelles|comment|pourquoi|combien|est-ce|faut-il|peut-on|"
    r"how|what|what's|where|where's|which|why)\b)",
    re.IGNORECASE,
)


def _cut_at_and(sentence: str) -> list[str]:
    """A sentence with no question mark cut at its "et" / "and" when every piece asks on its
    own ("login = adresse mail ou pas et le token je le trouve où"); [] otherwise, so a list
    of names is never cut ("Colissimo et Chronopost sont acceptés")."""
    pieces = [p.strip(" ,") for p in _AND.split(sentence) if p.strip(" ,")]
    if len(pieces) > 1 and all(_asked_without_mark(p) for p in pieces):
        return pieces
    return []


def focus(text: str) -> str:
    """The part of ``text`` that asks: its questions, or its last sentence, or all of it.

    A short message is its own focus; a long one is reduced to what it asks, so background
    words do not route it.
    """
    parts = sentences(text)
    if len(parts) <= 1:
        return _without_once_clause(_after_colon(text))
    asked = [s for s in parts if is_question(s)]
    # a closing "Vous avez une réponse ?" asks nothing: what was told before it is asked
    kept = [s for s in asked if not asks_nothing(s)]
    if asked and not kept:
        told = [s for s in parts if s not in asked]
        return told[-1] if told else parts[-1]
    return " ".join(kept) if kept else parts[-1]


# "une fois le compte pro activé, ..." / "... once the account is Pro?": a clause that sets
# when the question applies; its words say what is already done, not what is asked.
_ONCE_BEFORE = re.compile(
    r"^\s*(?:(?:ok|okay|d'accord|alors|et)\W+)?une fois\s+(?:le|la|les|l'|son|sa|ses|leur)"
    r"\s*(?:[\w'-]+\s+){0,3}?\w+(?:é|ée|és|ées|fait|faite|faits)\b,?\s*",
    re.I,
)
_ONCE_AFTER = re.compile(
    r"\s+once\s+(?:the|their|our|your|my|its|his|her)\s+(?:[\w'-]+\s+){0,3}?"
    r"(?:is|are|has been|have been|gets|get)\s+[\w'-]+(?=\s*[?？]?\s*$)",
    re.I,
)
#: what is left must still ask something of its own
_ONCE_REST_WORDS = 3


def _without_once_clause(sentence: str) -> str:
    """The sentence without a clause saying when it applies ("ok, une fois le compte pro
    activé, on relance les vérifications comment ?" asks how to run the checks again)."""
    for clause in (_ONCE_BEFORE, _ONCE_AFTER):
        rest = clause.sub(" ", sentence, count=1).strip()
        if rest != sentence.strip() and len(rest.split()) >= _ONCE_REST_WORDS:
            return rest
    return sentence


#: background before a colon is this long at least ("onboarding a merchant on a call: ...")
_BACKGROUND_WORDS = 4


def _after_colon(sentence: str) -> str:
    """One sentence telling its background, then a colon and a question starting with a
    question word ("onboarding a merchant on a call right now: where does she see her account
    name?"): the question. Otherwise the whole sentence."""
    head, colon, tail = sentence.rpartition(":")
    if not colon or len(head.split()) < _BACKGROUND_WORDS or is_question(head):
        return sentence
    first = _WORD.findall(fold(tail))[:1]
    if first and first[0] in _QUESTION_WORDS and tail.rstrip().endswith(("?", "？")):
        return tail.strip()
    return sentence


def focus_with_context(text: str) -> str:
    """The focus and the sentence just before it ("The connection asks for a token. Where
    do I find it?"), for a question that refers back; all of ``text`` when it is short."""
    parts = sentences(text)
    if len(parts) <= 2:
        return text
    asked = [i for i, s in enumerate(parts) if is_question(s)] or [len(parts) - 1]
    start = max(asked[0] - 1, 0)
    return " ".join(parts[start : asked[-1] + 1])


#: the user's own words before a paste must say this much to tell their language
_OWN_WORDS_BEFORE_PASTE = 3


def lines_before_paste(text: str, marks: tuple[str, ...]) -> str | None:
    """The user's own lines before a pasted message that starts on a later line ("Depuis
    midi chaque appel renvoie ceci :" then Rakuten's English), found by ``marks`` (folded
    words of the paste); None when there are none, or too few to tell a language."""
    lines = text.strip().splitlines()
    for index, line in enumerate(lines[1:], start=1):
        folded = fold(line)
        if any(mark and mark in folded for mark in marks):
            own = " ".join(lines[:index])
            return own if len(own.split()) >= _OWN_WORDS_BEFORE_PASTE else None
    return None
