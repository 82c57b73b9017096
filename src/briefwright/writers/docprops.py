"""docProps/app.xml: what the file says about itself, true to the file.

python-docx and python-pptx ship the extended properties of the template they were
built from ("Microsoft Macintosh Word", "On-screen Show (4:3)", zero pages and slides).
File browsers and document managers show these, so they are written afresh.
"""

from __future__ import annotations

import html

from briefwright import __version__

_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
         '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
         'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">')


def escape(text: str) -> str:
    """&, < and > as XML text needs them. html.escape, not xml.sax.saxutils.escape (the same
    three replacements), which loads urllib and http: about 15 ms of a Word-only build's start-up."""
    return html.escape(text, quote=False)


def _titles(kind: str, titles: list[str]) -> str:
    pairs = f'<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>{kind}</vt:lpstr>' \
            f'</vt:variant><vt:variant><vt:i4>{len(titles)}</vt:i4></vt:variant></vt:vector></HeadingPairs>'
    parts = "".join(f"<vt:lpstr>{escape(title)}</vt:lpstr>" for title in titles)
    return pairs + f'<TitlesOfParts><vt:vector size="{len(titles)}" baseType="lpstr">{parts}</vt:vector></TitlesOfParts>'


def word_app_properties(title: str, company: str, pages: int, words: int, characters: int,
                        characters_with_spaces: int, paragraphs: int) -> bytes:
    body = (f"<Template>Normal.dotm</Template><TotalTime>0</TotalTime><Pages>{pages}</Pages>"
            f"<Words>{words}</Words><Characters>{characters}</Characters>"
            f"<Application>briefwright {escape(__version__)}</Application><DocSecurity>0</DocSecurity>"
            f"<Paragraphs>{paragraphs}</Paragraphs><ScaleCrop>false</ScaleCrop>{_titles('Title', [title])}"
            f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate>"
            f"<CharactersWithSpaces>{characters_with_spaces}</CharactersWithSpaces><SharedDoc>false</SharedDoc>"
            f"<HyperlinksChanged>false</HyperlinksChanged>")
    return (_HEAD + body + "</Properties>").encode("utf-8")


def presentation_app_properties(slide_titles: list[str], company: str, words: int, paragraphs: int, notes: int,
                                width_in: float, height_in: float) -> bytes:
    ratio = "Widescreen" if abs(width_in / height_in - 16 / 9) < 0.01 else "Custom"
    body = (f"<TotalTime>0</TotalTime><Words>{words}</Words>"
            f"<Application>briefwright {escape(__version__)}</Application>"
            f"<PresentationFormat>{ratio}</PresentationFormat><Paragraphs>{paragraphs}</Paragraphs>"
            f"<Slides>{len(slide_titles)}</Slides><Notes>{notes}</Notes><HiddenSlides>0</HiddenSlides>"
            f"<MMClips>0</MMClips><ScaleCrop>false</ScaleCrop>{_titles('Slide Titles', slide_titles)}"
            f"<Company>{escape(company)}</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            f"<HyperlinksChanged>false</HyperlinksChanged>")
    return (_HEAD + body + "</Properties>").encode("utf-8")
