"""The root of the error tree and the helpers every error uses (see ``rakuten_assist.errors``)."""

from __future__ import annotations

from rakuten_assist.i18n import DEFAULT_LANG, Message
from rakuten_assist.redaction import redact

__all__ = ["RakutenAssistError", "cause_of", "fix_of", "os_reason", "render_message"]


def render_message(message: Message | str, lang: str) -> str:
    """A message in ``lang``; a parameter that is itself a Message is rendered in ``lang`` too."""
    return message.render(lang) if isinstance(message, Message) else message


#: the system's reasons a user meets most, by errno name, as ``common.os.*`` messages
_OS_REASONS = frozenset(
    {"ENOENT", "EACCES", "EPERM", "EISDIR", "ENOTDIR", "EEXIST", "ENOSPC", "EROFS", "EADDRINUSE"}
    | {"EADDRNOTAVAIL"}
)


def os_reason(exc: OSError) -> Message | str:
    """Why the system refused (no such file, permission denied...), to say in the reader's
    language; the system's own English text for a rarer reason."""
    import errno

    name = errno.errorcode.get(exc.errno or -1, "")
    if name in _OS_REASONS:
        return Message(f"common.os.{name.lower()}")
    return exc.strerror or str(exc)


def cause_of(error: RakutenAssistError) -> Message | str:
    """What went wrong in ``error``, as a Message when it has one (to nest in another)."""
    return error.msg if error.msg is not None else error.message


def fix_of(error: RakutenAssistError) -> Message | str:
    """The fix of ``error``, as a Message when it has one."""
    return error.fix_msg if error.fix_msg is not None else error.fix


class RakutenAssistError(Exception):
    """Root of every error raised by rakuten_assist.

    Words are data: an error carries a ``Message`` (a catalogue id and its parameters) for
    what went wrong and for its fix, so a front end shows it in the user's language with
    ``render(lang)``. ``message`` and ``fix`` hold the English text, for logs and callers
    that only read text. A plain string is still accepted (for texts that quote Rakuten).

    Args:
        message: what went wrong, in one sentence (a ``Message`` or a text).
        fix: what the user can do about it, in one sentence (optional); by default the
            class's ``fix_id`` from the ``errors`` catalogue.
    """

    #: the catalogue id of this class's usual fix (``errors.fix.*``)
    fix_id: str | None = None
    #: a class's usual fix as text, for subclasses that have no catalogue entry yet
    default_fix: str = ""
    msg: Message | None
    fix_msg: Message | None

    def __init__(self, message: str | Message, *, fix: str | Message | None = None) -> None:
        text = render_message(message, DEFAULT_LANG)
        super().__init__(text)
        self.message = text
        self.msg = message if isinstance(message, Message) else None
        if fix is None and self.fix_id is not None:
            fix = Message(self.fix_id)
        if isinstance(fix, Message):
            self.fix = render_message(fix, DEFAULT_LANG)
            self.fix_msg = fix
        else:
            self.fix = fix if fix is not None else self.default_fix

    @property
    def message(self) -> str:
        """What went wrong, in English."""
        return self._message

    @message.setter
    def message(self, text: str) -> None:
        # A text set afterwards (redacted, completed) wins over the message id.
        self._message = text
        self.msg = None

    @property
    def fix(self) -> str:
        """What to do about it, in English ("" when nothing)."""
        return self._fix

    @fix.setter
    def fix(self, text: str) -> None:
        self._fix = text
        self.fix_msg = None

    def set_fix(self, fix: Message) -> None:
        """Replace the fix by a catalogue message (the English text follows)."""
        self.fix = render_message(fix, DEFAULT_LANG)
        self.fix_msg = fix

    def render(self, lang: str) -> tuple[str, str]:
        """(what went wrong, its fix) in ``lang``; English where a text has no message id.

        Redacted like every output: a parameter may quote a server's answer.
        """
        from rakuten_assist.errors._network import said_params

        message = (
            Message(self.msg.id, said_params(self.msg.id, self.msg.params)).render(lang)
            if self.msg is not None
            else self.message
        )
        fix = render_message(self.fix_msg, lang) if self.fix_msg is not None else self.fix
        return redact(message), redact(fix)

    def __str__(self) -> str:
        if self.fix:
            return f"{self.message} Fix: {self.fix}"
        return self.message
