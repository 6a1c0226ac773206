"""French or English? A deterministic guess from word lists and accents (no model, no network)."""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from typing import TypeAlias

from rakuten_assist.support._abbreviations import language_of_abbreviation

__all__ = [
    "Lang",
    "detect_language",
    "fold",
    "frequent_word",
    "is_common_word",
    "near_common_word",
    "words",
]

#: a language code ("fr", "en"): any language with a message catalogue, not only these two
Lang: TypeAlias = str

_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_ACCENTED = re.compile(r"[éèêëàâäîïôöùûüçœæ]")

# Words that are frequent in one language and rare in the other (accents already folded).
# Words shared by both ("a", "on", "me", "tracking", "client"...) are deliberately absent.
_FRENCH = frozenset(
    """
    le la les des du un une est sont c'est ce cette ces que qui quoi quel quelle quels quelles
    pour avec sans sur dans chez mon ma mes ton ta tes votre vos notre nos je j'ai tu il elle
    nous vous ils ca comment pourquoi ou bonjour bonsoir salut merci oui non pas ne n'est plus
    commande commandes colis transporteur transporteurs expedie expedier expedition envoi
    envoyer numero suivi jeton compte identifiant vendeur erreur marche passe bon bien faut
    faire fait peut peux puis dois doit quand aussi mais donc alors svp stp aide besoin
    code postal lien adresse mail courriel pays etranger acheteur acheteurs article articles
    produit produits catalogue flux vente ventes compte informations developpeur particulier
    professionnel essai accepte accepter refuse toujours encore rien tout tous toutes
    d'accord c'etait qu'est qu'il qu'on j'en m'a l'erreur l'article l'url d'une d'un mot
    depuis veut voudrais voila j'essaie ai avez avons suis es etes sommes dit dire
    de et en au aux lequel laquelle
    utilise utilisons utilisez utiliser envoie envoyons envoyez envoient par invalide
    invalides valide fonctionne fonctionnent probleme souci livraison livrer livre voici
    avez-vous est-ce moi nous-memes marchent acceptez prenez quoi cela ceci celui tres
    beaucoup merci bloquee bloque changer trouver trouve ou statut etape obligatoire
    renvoie renvoient retourne retournent affiche affichent indique obtiens obtient recois
    recoit recu marque
    sinon ensuite enfin bref perso egalement actuellement franchement desole urgent
    nom noms allemagne espagne italie belgique suisse angleterre
    super parfait genial nickel top rebonjour coucou voila alors
    """.split()
)
_ENGLISH = frozenset(
    """
    the is are was were do does did how what why which where who when my your our their i
    you it its it's can could should would will with for to of and or hello hi hey thanks
    thank yes yeah no not don't doesn't isn't can't order orders parcel parcels carrier
    carriers ship shipping shipped tracking number token account login error works work
    supported support take takes accept accepts help please need want get got this that
    these those there here from by be been have has had any some all every only just about
    what's where's link set up setup seller buyer buyers item items product products feed
    catalog catalogue country countries abroad password email e-mail now still again
    does okay ok fine right wrong page test step steps me us
    use using uses send sends sending invalid valid problem issue delivery deliver
    working doesn't won't we they them
    says shows returns returned gives keeps showing receive received
    also actually btw anyway besides otherwise sorry urgent quick
    accepted refused rejected
    name names but yet since state germany spain italy switzerland
    great perfect nice cool awesome
    changed merchant merchants subject asked asks wants wanted
    """.split()
)
# Shared or untranslatable words that would otherwise tip the balance.
_NEUTRAL = frozenset({"ok", "test", "email", "e-mail", "login", "token", "catalogue", "me"})


_TYPO_MIN = 5
_LONG_COMMON = sorted(w for w in _FRENCH | _ENGLISH if len(w) >= 4)
_TYPO_CUTOFF = 85.0
_MARKERS = sorted((_FRENCH ^ _ENGLISH) - _NEUTRAL)


def _typo_of(word: str) -> str | None:
    """The marker word ``word`` is a typo of, when one is close enough, else None."""
    from rapidfuzz import fuzz, process

    found = process.extractOne(word, _MARKERS, scorer=fuzz.ratio, score_cutoff=_TYPO_CUTOFF)
    return str(found[0]) if found else None


def is_common_word(word: str) -> bool:
    """Whether a folded word is an ordinary French or English word of the lists above."""
    return word in _FRENCH or word in _ENGLISH


@functools.cache
def _frequent_words() -> frozenset[str]:
    path = os.path.join(os.path.dirname(__file__), "data", "common_words.txt")
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle if line.strip() and line[0] != "#")


def frequent_word(word: str) -> bool:
    """Whether a folded word is among the 30,000 most frequent French and English words
    (data/common_words.txt): typed in lower case, "last" or "first" is no carrier's name."""
    return word in _frequent_words()


def near_common_word(word: str) -> bool:
    """Whether a folded word is one edit from an ordinary word of four letters or more
    ("wich", "pouver"): a slip of a word, not a name."""
    from rapidfuzz.distance import OSA
    from rapidfuzz.process import extractOne

    found = extractOne(word, _LONG_COMMON, scorer=OSA.distance, score_cutoff=1)
    return found is not None


def fold(text: str) -> str:
    """Lower-case ``text`` and strip accents, apostrophes made straight."""
    text = text.replace("’", "'").replace("‘", "'").lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


#: a message typed in capitals has this share of its letters upper case, and this many words
_SHOUTED_SHARE = 0.9
_SHOUTED_WORDS = 4
_TOKEN = re.compile(r"\S+")


def unshouted(text: str) -> str:
    """``text`` in lower case when it was typed all in capitals ("QUELS TRANSPORTEURS SONT
    ACCEPTÉS ?"), so capitals stop marking names and codes; tokens holding a digit keep
    their case (tracking numbers, "RB123456785GB"). Otherwise ``text`` as it is."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(text.split()) < _SHOUTED_WORDS or not letters:
        return text
    if sum(ch.isupper() for ch in letters) < _SHOUTED_SHARE * len(letters):
        return text
    return _TOKEN.sub(
        lambda m: m.group(0) if any(c.isdigit() for c in m.group(0)) else m.group(0).lower(),
        text,
    )


def words(text: str) -> list[str]:
    """The folded words of ``text`` (letters, digits, an inner apostrophe)."""
    return _WORD.findall(fold(text))


def detect_language(text: str, default: Lang = "en") -> Lang:
    """Guess whether ``text`` is French or English.

    Each French or English marker word counts one point, each accented letter half a point
    for French; a tie (or no signal at all, as for a bare tracking number) returns
    ``default``, so a conversation keeps its language.

    Args:
        text: the user's words, with any pasted error message already removed.
        default: the language to answer in when the text says nothing.
    """
    lowered = text.lower()
    french = 0.5 * len(_ACCENTED.findall(lowered))
    english = 0.0
    for word in words(text):
        if word in _NEUTRAL:
            continue
        short = language_of_abbreviation(word)
        if short == "fr":
            french += 1
            continue
        if short == "en" and len(word) > 2:  # "u", "ur" are too short to tell
            english += 1
            continue
        if word in _FRENCH:
            french += 1
        if word in _ENGLISH:
            english += 1
        elif word.endswith("'s") or word.endswith("n't"):
            english += 1
        elif "'" in word and word.split("'", 1)[0] in {"c", "j", "l", "d", "m", "n", "qu", "s"}:
            french += 1
        elif len(word) >= _TYPO_MIN and word not in _FRENCH:
            # A typo of a marker word ("acepte", "transporteurr") is half a clue.
            typo = _typo_of(word)
            if typo in _FRENCH:
                french += 0.5
            elif typo in _ENGLISH:
                english += 0.5
    if french > english:
        return "fr"
    if english > french:
        return "en"
    return default
