"""Words a paraphrase adds without adding a claim: verbs of reporting, discourse words, number words."""

from __future__ import annotations

from briefwright.content.language import content_words

# Words of reporting and discourse that a paraphrase adds without adding a claim ("Kotani notes …").
DISCOURSE_WORDS = """
    argue argues argued say says said note notes noted notes report reports reported add adds added
    write writes wrote describe describes described see sees saw judge judges judged think thinks
    thought expect expects expected call calls called suggest suggests suggested warn warns warned
    conclude concludes concluded hold holds held observe observes observed read reads frame frames
    regard regards stress stresses claim claims count counts propose proposes proposed cite cites cited
    account view point maxim text also already now still meanwhile instead later earlier first
    indeed even either way such this these those there here trace traces traced
    address speech essay article paper passage book chapter section paragraph letter report
    opens closes begins ends returns turns
    differ differs differed differently disagree disagrees agree agrees
""".split()
NUMBER_STEMS = frozenset(content_words("two three four five six seven eight nine ten eleven twelve twenty thirty "
                                       "forty fifty sixty seventy eighty ninety hundred thousand million dozen"))
DISCOURSE_STEMS = frozenset(stem for word in DISCOURSE_WORDS for stem in content_words(word))
