"""The TUI's own strings (labels, prompts, notices) in English and French."""

from __future__ import annotations

from typing import Literal

__all__ = ["LANGS", "Lang", "other_lang", "ui"]

Lang = Literal["fr", "en"]
LANGS: tuple[Lang, ...] = ("en", "fr")

_STRINGS: dict[str, tuple[str, str]] = {
    # key: (English, French)
    "title": ("Rakuten Assist", "Rakuten Assist"),
    "sandbox": ("SANDBOX: demo data, nothing real", "SANDBOX : données de démo, rien de réel"),
    "account": ("account {login}", "compte {login}"),
    "not_connected": (
        "not connected: F5 to enter credentials",
        "non connecté : F5 pour saisir les identifiants",
    ),
    "input_placeholder": (
        "Ask a question, paste a Rakuten error, or type a carrier…  (↑/↓ history)",
        "Posez une question, collez une erreur Rakuten ou un transporteur…  (↑/↓ historique)",
    ),
    "token_placeholder": (
        "Paste the API token (hidden)…",
        "Collez le jeton API (masqué)…",
    ),
    "welcome": (
        "**Welcome.** Ask anything about your Rakuten connection, for example "
        "*is Colissimo supported?*, or paste a Rakuten error message.\n\n"
        "Press **F2** (or the button below) to start the guided setup walkthrough.",
        "**Bienvenue.** Posez vos questions sur la connexion Rakuten, par exemple "
        "*Colissimo est-il accepté ?*, ou collez un message d'erreur Rakuten.\n\n"
        "Appuyez sur **F2** (ou le bouton ci-dessous) pour lancer la configuration guidée.",
    ),
    "welcome_sandbox": (
        "You are on the **built-in sandbox** (demo account `{login}`, seeded demo orders): "
        "nothing you do here reaches Rakuten.",
        "Vous êtes sur le **bac à sable intégré** (compte de démo `{login}`, commandes de "
        "démo) : rien de ce que vous faites ici n'atteint Rakuten.",
    ),
    "you": ("You", "Vous"),
    "bot": ("Assistant", "Assistant"),
    "thinking": ("…thinking", "…réflexion"),
    "start_walkthrough": ("Start setup walkthrough", "Lancer la configuration guidée"),
    "q_colissimo": ("Is Colissimo supported?", "Colissimo est-il accepté ?"),
    "q_token": ("Where is my token?", "Où trouver mon jeton ?"),
    "tab_checklist": ("Checklist", "Vérifications"),
    "tab_carriers": ("Carriers", "Transporteurs"),
    "tab_orders": ("Order lookup", "Commande"),
    "checklist_empty": (
        "No check has run yet. Start the walkthrough (F2) to run them.",
        "Aucune vérification lancée. Lancez la configuration guidée (F2).",
    ),
    "checklist_hint": (
        "Select a check to see its fix.",
        "Sélectionnez une vérification pour voir sa correction.",
    ),
    # with its colon: French puts a space before it
    "fix_label": ("Fix:", "Correction :"),
    "carrier_search": ("Search a carrier…", "Chercher un transporteur…"),
    "carrier_pick": (
        "Select a carrier to see its Rakuten name, extra inputs and a sample link.",
        "Sélectionnez un transporteur : nom Rakuten, données requises, lien d'exemple.",
    ),
    "carrier_rakuten_name": ("Rakuten name", "Nom Rakuten"),
    "carrier_needs": ("Extra inputs", "Données requises"),
    "carrier_none": ("none", "aucune"),
    "carrier_sample": ("Sample URL", "URL d'exemple"),
    "carrier_no_url": ("No tracking page", "Pas de page de suivi"),
    "carrier_countries": ("Countries", "Pays"),
    "carrier_unavailable": (
        "The carrier registry is not available: {error}",
        "Le registre des transporteurs est indisponible : {error}",
    ),
    "order_placeholder": ("Purchase id or item id…", "N° de commande ou d'article…"),
    "order_button": ("Look up", "Chercher"),
    "order_hint": (
        "Type a purchase id or an item id: status, SKU match and what blocks shipping.",
        "Saisissez un n° de commande ou d'article : statut, SKU et ce qui bloque l'envoi.",
    ),
    "order_loading": ("Fetching open orders…", "Récupération des commandes…"),
    "order_no_connection": (
        "No account connected: press F5 to enter the login and token.",
        "Aucun compte connecté : F5 pour saisir l'identifiant et le jeton.",
    ),
    "cred_title": ("Rakuten credentials", "Identifiants Rakuten"),
    "cred_login": (
        "Login (account name from the user banner, not the e-mail)",
        "Identifiant (nom du compte du bandeau, pas l'e-mail)",
    ),
    "cred_token": (
        "API token (Mon compte > Mes informations développeur)",
        "Jeton API (Mon compte > Mes informations développeur)",
    ),
    "cred_ok": ("Use these credentials", "Utiliser ces identifiants"),
    "cred_cancel": ("Cancel", "Annuler"),
    "cred_demo": ("Fill the sandbox demo account", "Remplir le compte de démo"),
    "cred_saved": ("Connected as {login}.", "Connecté en tant que {login}."),
    "report_saved": ("Report saved to {path}", "Rapport enregistré dans {path}"),
    "report_copied": (
        "Report copied to the clipboard (works only if your terminal supports OSC 52 "
        "clipboard; otherwise use the saved file).",
        "Rapport copié dans le presse-papiers (seulement si le terminal gère OSC 52 ; "
        "sinon utilisez le fichier enregistré).",
    ),
    "reply_copied": (
        "Last answer copied (needs a terminal with OSC 52 clipboard support).",
        "Dernière réponse copiée (nécessite un terminal compatible presse-papiers OSC 52).",
    ),
    "nothing_to_copy": ("No answer to copy yet.", "Aucune réponse à copier."),
    "report_failed": ("Could not write the report: {error}", "Rapport non écrit : {error}"),
    "lang_switched": ("Interface in English.", "Interface en français."),
    "error_title": ("Error", "Erreur"),
    "engine_missing": (
        "The support engine is not available: {error}",
        "Le moteur de support est indisponible : {error}",
    ),
    # footer
    "key_walkthrough": ("Walkthrough", "Configuration"),
    "key_carriers": ("Carriers", "Transporteurs"),
    "key_orders": ("Order", "Commande"),
    "key_credentials": ("Credentials", "Identifiants"),
    "key_report": ("Export report", "Exporter"),
    "key_copy": ("Copy answer", "Copier"),
    "key_lang": ("FR/EN", "FR/EN"),
    "key_quit": ("Quit", "Quitter"),
    # command palette
    "cmd_walkthrough": ("Start the setup walkthrough", "Lancer la configuration guidée"),
    "cmd_walkthrough_help": (
        "Login, token, live checks, catalogue, carriers, summary",
        "Identifiant, jeton, vérifications, catalogue, transporteurs, résumé",
    ),
    "cmd_carrier": ("Check a carrier", "Vérifier un transporteur"),
    "cmd_carrier_help": ("Open the carrier browser", "Ouvrir la liste des transporteurs"),
    "cmd_order": ("Look up an order", "Chercher une commande"),
    "cmd_order_help": (
        "Status, SKU and what blocks shipping",
        "Statut, SKU et ce qui bloque l'envoi",
    ),
    "cmd_report": ("Export the report", "Exporter le rapport"),
    "cmd_report_help": (
        "Conversation and checklist as Markdown (never the token)",
        "Conversation et vérifications en Markdown (jamais le jeton)",
    ),
    "cmd_lang": ("Switch language (FR/EN)", "Changer de langue (FR/EN)"),
    "cmd_lang_help": ("Interface strings in French or English", "Interface en français ou anglais"),
    "cmd_credentials": ("Enter credentials", "Saisir les identifiants"),
    "cmd_credentials_help": ("Login and API token (masked)", "Identifiant et jeton API (masqué)"),
}


def ui(lang: str, key: str, **values: object) -> str:
    """The interface string ``key`` in ``lang`` ("fr" or anything else for English)."""
    english, french = _STRINGS[key]
    text = french if lang == "fr" else english
    return text.format(**values) if values else text


def other_lang(lang: str) -> Lang:
    """French for English and English for French."""
    return "en" if lang == "fr" else "fr"
