"""Small, general lexicons used by the cleaning rules.

These are *kinds* of words that page chrome is made of (share, login, subscribe, cookie...) in a
handful of major languages, and the names of news agencies. They are deliberately generic: nothing
here is copied from a particular outlet or article, so the rules work on outlets never seen.
"""

from __future__ import annotations

import re

from newsprism.clean.words import word_set

# --------------------------------------------------------------------------- widget / chrome words

# Words that make up share, login, comment and subscription widgets. A short line made only of these
# (plus filler words) is a widget, not content.
WIDGET_WORDS = word_set(
    """
    share shares sharing shared tweet retweet email e-mail mail print whatsapp facebook twitter x linkedin
    pinterest telegram reddit flipboard messenger copy link copied bookmark bookmarks save saved like likes
    login log logout sign signin signup register registration subscribe subscribed subscription subscriber
    subscribers unsubscribe account profile password reply replies respond comment comments commenting
    follow following newsletter newsletters alert alerts notifications notification app download
    gift premium plus abo abonnieren abonnement anmelden abmelden registrieren einloggen teilen
    kommentar kommentare kommentieren drucken merken folgen connexion connecter inscrire inscription
    abonner abonnez abonnements partager partagez commentaire commentaires imprimer suivez iniciar
    sesión sesion suscríbete suscribete suscribirse suscripción compartir comentarios comentario
    imprimir síguenos accedi registrati abbonati abbonamento condividi commenti commento stampa
    entrar assine assinar compartilhar comentários comentar inloggen registreren abonneren delen
    reacties reageren zaloguj zarejestruj subskrybuj udostępnij komentarze komentarz войти
    подписаться поделиться комментарии комментарий
    """
)

# Navigation and site-furniture words (menus, "skip to content", "mobile version").
NAV_WORDS = word_set(
    """
    menu home homepage search close open skip top back next previous prev main navigation nav sections
    section mobile desktop version site sitemap contact about imprint impressum privacy terms
    conditions legal help faq careers jobs advertise archive archives rss feed feeds more less
    startseite suche suchen schließen menü navigation kontakt datenschutz nutzungsbedingungen
    accueil rechercher recherche fermer mentions légales contact inicio buscar cerrar aviso
    privacidad contacto cerca chiudi contatti buscar fechar início zoeken sluiten szukaj zamknij
    поиск главная меню
    """
)

# "Read more" style stubs that point at the rest of an article somewhere else.
READMORE_WORDS = word_set(
    """
    read full article story continue reading more here weiterlesen lesen mehr artikel lire suite
    article leer más leia mais leggi tutto continua czytaj dalej więcej читать далее
    """
)
READMORE_CORE = frozenset(
    [
        "read",
        "reading",
        "continue",
        "weiterlesen",
        "lesen",
        "lire",
        "leer",
        "leia",
        "leggi",
        "continua",
        "czytaj",
        "читать",
    ]
)

# Cookie and consent notices: a line with one of these and little else is boilerplate.
CONSENT_WORDS = word_set(
    """
    cookie cookies consent gdpr dsgvo datenschutzerklärung datenschutzeinstellungen einwilligung
    privacy tracking trackers accept akzeptieren accepter aceptar accetta aceitar zgoda
    """
)

# Advertising labels.
AD_WORDS = word_set(
    """
    advertisement advertising ad ads sponsored sponsor promoted promotion anzeige werbung publicité
    publicidad pubblicità publicidade advertentie reklama реклама
    """
)

# Words a tracking/link leftover is made of (a lone "tracking" line, "pixel", utm parameters).
TRACKING_WORDS = frozenset(["tracking", "tracker", "pixel", "beacon", "analytics", "utm", "impression"])

# Filler that may sit around widget words without making the line content ("Post a comment",
# "Continue reading the story", "12 comments", "View mobile version").
FILLER_WORDS = word_set(
    """
    a an the to us on our your my this that here now of in for with and or via all full free new now
    exit leave view show hide see get join up out off it me now today
    der die das den dem des zum zur und oder mit für auf hier jetzt uns
    le la les des du de et ou avec pour sur ici nous
    el los las del y o con para en aquí nos
    il lo gli di e con per su qui
    o os as do da e com para em aqui
    het een van en met voor op hier
    i w z na do tutaj
    """
)

# Labels that introduce a related article's headline ("Read more: ...", "Also read: ...").
RELATED_PREFIX = re.compile(
    r"^(?:read more|more|also read|read also|see also|related|related articles?|related stories|"
    r"recommended|must read|don'?t miss|watch|lesen sie auch|auch interessant|mehr zum thema|"
    r"das könnte sie auch interessieren|lire aussi|à lire aussi|a lire aussi|voir aussi|"
    r"lee también|leer también|te puede interesar|leia também|leia mais|leggi anche|"
    r"czytaj (?:też|także|również)|zobacz też|читайте также|lees ook)\s*[:|»›>-]",
    re.IGNORECASE,
)

# Labels of page sections that hold lists of other articles, comments or services. A line that is
# only such a label is furniture.
SECTION_LABEL = re.compile(
    r"^(?:related(?: articles| stories| posts| content| topics| news)?|you (?:may|might) also like|"
    r"more (?:from|on|about|news|stories|articles)(?: [\w&'’ -]{1,30})?|recommended(?: for you| stories)?|"
    r"(?:most|top) (?:read|popular|viewed|shared|stories)|trending(?: now| stories)?|"
    r"latest(?: news| stories)?|"
    r"also (?:read|on|in) [\w&'’ -]{1,30}|don'?t miss|editor'?s picks|sponsored content|"
    r"mehr zum thema|verwandte (?:artikel|themen)|weitere (?:artikel|beiträge|nachrichten|themen)|"
    r"das könnte sie auch interessieren|meistgelesen|meist gelesen|empfehlungen|"
    r"à lire aussi|a lire aussi|lire aussi|sur le même sujet|les plus lus|"
    r"te puede interesar|lo más leído|noticias relacionadas|leggi anche|i più letti|articoli correlati|"
    r"leia também|mais lidas|gerelateerde artikelen|meest gelezen|czytaj także|najczęściej czytane|"
    r"читайте также|популярное)\s*:?$",
    re.IGNORECASE,
)

# Role words that follow a name in a byline ("Jane Roe | Staff writer").
ROLE_WORDS = word_set(
    """
    staff writer reporter correspondent editor contributor columnist journalist author senior chief
    political business foreign desk bureau news writers reporters correspondents editors
    redakteur redakteurin korrespondent korrespondentin autor autorin journaliste correspondant
    rédacteur rédactrice redactor redactora corresponsal periodista giornalista corrispondente
    redattore repórter jornalista correspondente redacteur verslaggever dziennikarz
    """
)

# Labels that announce a byline on their own line ("Written by", "Author:").
BYLINE_LABEL = re.compile(
    r"^(?:(?:published|written|posted|reported|compiled|words|story|text)\s+by|by|author|authors|"
    r"autor|autorin|autoren|auteur|auteurs|autore|autora|von|par|por|di|door|av|af|przez|text|"
    r"texto|testo)\s*:?$",
    re.IGNORECASE,
)
# "By NAME" in several languages (the prefix of a byline line).
BYLINE_PREFIX = (
    r"(?:(?:published|written|posted|reported|compiled|words|story|text)\s+by|by|von|par|por|di|door|"
    r"av|af|przez|author:|authors:|autor:|autorin:|auteur:|autore:|autora:|text:|texto:|testo:)"
)

# Particles allowed inside person names ("Ursula von der Leyen", "Luiz da Silva").
NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "del",
        "der",
        "den",
        "di",
        "do",
        "dos",
        "das",
        "du",
        "la",
        "le",
        "van",
        "von",
        "ter",
        "ten",
        "bin",
        "ibn",
        "al",
        "el",
        "y",
        "e",
    ]
)

# Tokens that start a name phrase in a caption but are not names ("U.S. President ...").
FUNCTION_WORDS_EN = word_set(
    """
    a an the of and or in on at to for from with by as is are was were be been being has have had
    will would can could should may might must do does did not no but if than then that this these
    those it its his her their our your my we they he she i you who whom which what when where why
    how after before over under into about amid against during since until while between among
    through without within across off out up down near via per
    """
)

DETERMINERS = word_set(
    """
    a an the this these those that its his her their our your my some any each every no another
    der die das ein eine le la les un une el los las uno una il lo gli un una o os as um uma
    de het een
    """
)

# --------------------------------------------------------------------------- news agencies

# Canonical agency name -> aliases. Aliases in capitals are matched case-sensitively (short
# acronyms like AP or PA are common words otherwise); longer names case-insensitively.
AGENCIES: dict[str, tuple[str, ...]] = {
    "The Associated Press": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "Agence France-Presse": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE"),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua",),
    "PA Media": ("PA Media", "Press Association"),
    "Bloomberg": ("Bloomberg",),
    "UPI": ("UPI", "United Press International"),
    "Kyodo News": ("Kyodo", "Kyodo News"),
    "Yonhap": ("Yonhap",),
    "Anadolu Agency": ("Anadolu", "Anadolu Agency"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax",),
    "CNA": ("CNA", "Central News Agency"),
    "AAP": ("AAP", "Australian Associated Press"),
    "Press Trust of India": ("PTI", "Press Trust of India"),
    "ANI": ("ANI", "Asian News International"),
    "IANS": ("IANS",),
    "APA": ("APA", "Austria Presse Agentur"),
    "Belga": ("Belga",),
    "ANP": ("ANP",),
    "Ritzau": ("Ritzau",),
    "NTB": ("NTB",),
    "ČTK": ("ČTK", "CTK"),
    "PAP": ("PAP",),
    "MTI": ("MTI",),
    "Europa Press": ("Europa Press",),
    "Lusa": ("Lusa",),
    "The Canadian Press": ("Canadian Press", "The Canadian Press"),
    "KNA": ("KNA",),
    "epd": ("epd",),
    "Keystone-SDA": ("Keystone-SDA", "SDA"),
    "RIA Novosti": ("RIA Novosti",),
    "Ukrinform": ("Ukrinform",),
    "Jiji Press": ("Jiji", "Jiji Press"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "AGI": ("AGI",),
    "Adnkronos": ("Adnkronos",),
    "Notimex": ("Notimex",),
    "IRNA": ("IRNA",),
    "WAFA": ("WAFA",),
    "Prensa Latina": ("Prensa Latina",),
    "Sputnik": ("Sputnik",),
}

# Photo agencies and picture desks: they appear in photo credits, never as text credits.
PHOTO_AGENCIES: tuple[str, ...] = (
    "Getty Images",
    "Getty",
    "Shutterstock",
    "Alamy",
    "EPA",
    "EPA-EFE",
    "Imago",
    "IMAGO",
    "picture alliance",
    "picture-alliance",
    "NurPhoto",
    "SOPA Images",
    "LightRocket",
    "Sipa",
    "ZUMA",
    "ZUMA Press",
    "Keystone",
    "iStock",
    "Pool",
    "AP Photo",
    "AFP Photo",
    "Reuters Photo",
    "Bloomberg via Getty Images",
    "Handout",
)
