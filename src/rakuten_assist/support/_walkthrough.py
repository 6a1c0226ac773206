"""The setup walkthrough as a conversation: which step comes next, and that step in detail.

The overview (``answers.answer_setup``) lists the doctor's steps; "next", "done" or "yes"
after it, or after a setup step answered on its own ("where is the token?"), goes on with the
first step after the last one covered that was not covered yet, never back to a step done.
Each step is answered by the builder of its own topic, under the ``setup_walkthrough`` intent
with the step's id, number and the topic's facts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rakuten_assist import i18n
from rakuten_assist.support._answer import Answer
from rakuten_assist.support._carrier_answers import answer_carrier_rules
from rakuten_assist.support._follow_up_words import (
    GO_ON,
    GO_ON_MAX_WORDS,
    NEXT,
    NEXT_MAX_WORDS,
    NEXT_WORDS,
)
from rakuten_assist.support._lang import Lang, fold
from rakuten_assist.support._segments import focus, sentences
from rakuten_assist.support._sources import Source
from rakuten_assist.support._texts import DEVELOPER_PAGE, SETUP_STEP_IDS, Surface, say
from rakuten_assist.support.answers import (
    answer_countries,
    answer_login,
    answer_professional,
    answer_sku,
    answer_test_order,
    answer_token,
)
from rakuten_assist.support.conversation import Conversation

__all__ = [
    "SETUP_INTENTS",
    "answer_step",
    "asks_next_step",
    "goes_on",
    "goes_on_words",
    "next_setup_step",
    "remember_setup",
    "step_covered",
    "step_of_intent",
]

#: answers that are a step of the setup (a walkthrough goes on after them)
SETUP_INTENTS = frozenset(
    {
        "setup_walkthrough",
        "login_help",
        "token_help",
        "professional_account",
        "sku_mapping",
        "test_order",
    }
)
#: the step an answer of each intent covers (the walkthrough's own steps say theirs)
_STEP_OF_INTENT = {
    "login_help": "login",
    "token_help": "token",
    "professional_account": "professional_rights",
    "sku_mapping": "sku_mapping",
    "test_order": "test_order",
}


def goes_on_words(question: str) -> bool:
    """Whether a message says to go on ("étape suivante", "next", "c'est fait")."""
    return bool(GO_ON.search(fold(question)))


def goes_on(question: str) -> bool:
    """Whether a short message only asks the walkthrough to go on."""
    return len(question.split()) <= GO_ON_MAX_WORDS and goes_on_words(question)


def step_of_intent(intent: str) -> str | None:
    """The setup step an answer of ``intent`` covers ("login_help": the login), if any."""
    return _STEP_OF_INTENT.get(intent)


def step_covered(answer: Answer) -> str | None:
    """The setup step ``answer`` covers, if any."""
    step = answer.facts.get("step")
    if isinstance(step, str) and step in SETUP_STEP_IDS:
        return step
    return _STEP_OF_INTENT.get(answer.intent)


#: answers that leave the walkthrough where it was: an aside ("how much is Pro?"), thanks
_ASIDES = frozenset({"unknown", "greeting"})


def remember_setup(conv: Conversation, result: Answer) -> None:
    """Note the setup steps ``result`` covers (each part of it), the last one last, and
    whether the conversation is in the walkthrough (an aside leaves that as it was)."""
    answers = result.parts or [result]
    for answer in answers:
        step = step_covered(answer)
        if step is not None:
            if step in conv.setup_steps:
                conv.setup_steps.remove(step)
            conv.setup_steps.append(step)
    if any(answer.intent in SETUP_INTENTS for answer in answers):
        conv.in_setup = True
    elif result.intent not in _ASIDES:
        conv.in_setup = False


def next_setup_step(covered: Sequence[str]) -> str | None:
    """The first step after the last one covered that was not covered yet (the first step
    when none was); None when every step after it is done."""
    start = SETUP_STEP_IDS.index(covered[-1]) + 1 if covered else 0
    return next((s for s in SETUP_STEP_IDS[start:] if s not in covered), None)


def _credentials(lang: Lang) -> Answer:
    return Answer(
        intent="setup_walkthrough",
        lang=lang,
        text=say("token.check", lang, page=DEVELOPER_PAGE),
        facts={"command": "rakuten-assist doctor"},
        sources=[Source.checklist(["credentials"])],
    )


#: each step's answer, by the builder of its topic (the carriers' depends on the screen)
_BUILDERS: dict[str, Callable[[Lang], Answer]] = {
    "login": answer_login,
    "token": answer_token,
    "credentials": _credentials,
    "professional_rights": answer_professional,
    "open_orders": answer_countries,
    "sku_mapping": answer_sku,
    "test_order": answer_test_order,
}


def answer_step(step: str, lang: Lang, *, surface: Surface = "cli") -> Answer:
    """Step ``step`` of the setup in detail, numbered, offering the next one; where carriers
    are listed is said for the screen it is read on (``surface``)."""
    if step == "carriers":
        inner = answer_carrier_rules(lang, surface=surface)
    else:
        inner = _BUILDERS[step](lang)
    number = SETUP_STEP_IDS.index(step) + 1
    heading = say(
        "setup.step_of",
        lang,
        number=number,
        total=len(SETUP_STEP_IDS),
        title=i18n.t(f"checks.title.{step}", lang),
    )
    last = number == len(SETUP_STEP_IDS)
    return Answer(
        intent="setup_walkthrough",
        lang=lang,
        text=f"{heading}\n\n{inner.text}",
        facts={
            **inner.facts,
            "step": step,
            "step_number": number,
            "steps": list(SETUP_STEP_IDS),
        },
        suggestions=[say("run_checks" if last else "next.step", lang)],
        sources=inner.sources,
    )


def asks_next_step(message: str) -> bool:
    """Whether a message of several sentences ends by asking for the next step ("ok ça
    passe maintenant. c'est quoi l'étape d'après ?"), whatever its first ones tell."""
    if len(sentences(message)) < 2:  # one sentence: the short "next" words above
        return False
    asked = focus(message)
    return bool(NEXT.match(asked)) or (
        bool(NEXT_WORDS.search(asked)) and len(asked.split()) <= NEXT_MAX_WORDS
    )
