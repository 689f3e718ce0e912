"""Modality of a trigger: negated, future, hypothetical, and who reported it.

Cues come from ``cues.tsv`` (NEG, FUT, HYP, SAY). A cue counts when it stands in the
same clause shortly before the trigger; negation glued to the verb (ولايهدد) and the future
prefix س on a present verb are read from the trigger's own clitics. Heads of accusation, threat,
intention, fear and purpose make an event noun irrealis; heads of kind, topic and judgement make it
background; ``historical`` and ``named_event`` (used by the pipeline) tell history and known named
events from the news of the sentence. (The imperfect is not read as habitual: news also tells
ongoing scenes in it, المتظاهرون الذين يحتجون، and on the gold's coding rows that cost more than
it bought on its detection rows.)
"""

from __future__ import annotations

from dataclasses import dataclass

from rasd.events.frames import BACKGROUND_HEADS, _occurs
from rasd.events.triggers import LIGHT_VERBS, TriggerHit
from rasd.lexicon.compile import Match
from rasd.text.tokenize import with_proclitics, without_conjunction
from typing import Any

NEG_REACH = 3
# a foiled attack (أحبطت الشرطة هجوما، تمكنت من إحباط محاولة لتفجير) did not happen
FOIL_FORMS = with_proclitics(("احبط", "احبطت", "احبطوا", "احبطا", "يحبط", "تحبط", "يحبطون", "احباط", "احباطها",
                              "احباطه"), ("", "و", "ف", "ب", "ل", "لل", "وب", "ول"))
FOIL_REACH = 5
# Avoiding (لتجنب وقوع اشتباكات، تجنب استنفار الدفاعات الجوية، لتفادي الاصطدام): the act avoided
# does not happen, whatever its type
AVOID_FORMS = with_proclitics(("تجنب", "يتجنب", "تتجنب", "نتجنب", "يتجنبون", "تجنبت", "تجنبوا", "تفادي", "يتفادي",
                               "تتفادي", "نتفادي", "تفادت", "تحاشي", "يتحاشي", "تتحاشي", "تلافي"),
                              ("", "و", "ف", "ب", "ل", "وب", "ول"))
AVOID_REACH = 4
FUT_REACH = 6
HYP_REACH = 8
DENIAL_STEMS = frozenset(("نفي", "نفت", "نفوا", "ينفي", "تنفي", "نفيه", "ينفون", "تنفي"))
DENIAL_FORMS = with_proclitics(DENIAL_STEMS)
NEG_BEFORE_NOUN = frozenset(("دون", "بدون", "عدم", "غير"))
LIGHT_REACH = 5   # words between a light verb (شارك) and the event noun it carries (في المؤتمر)
LIGHT_NEGATIONS = frozenset(("لن", "لم", "لا"))   # not ما: ما يقوم به الناس is "what people do"
DONE_VERBS = frozenset(("تم", "يتم", "تمت", "سيتم", "ستتم"))   # لم يتم الإفراج عن الرهائن: "was not done"


def _light_verb(m: Any, left: int, stems: Any) -> int | None:
    """The light verb (LIGHT_VERBS or تم/يتم, not a trigger) that carries noun trigger ``m`` in its
    clause (ستشارك: with its future prefix; not the article's ال)."""
    for i in range(m.first - 1, max(left - 1, m.first - 1 - LIGHT_REACH), -1):
        w = without_conjunction(stems[i])
        if w in ("من", "عن"):
            return None   # لم يتم الانتهاء من التحقيقات: the verb carries another verbal noun (الانتهاء)
        if w in DONE_VERBS or w.removeprefix("س").startswith(LIGHT_VERBS) and not w.startswith("ال"):
            return i
    return None


# The time of a saying (قال خلال لقائه، على لسانه أثناء زيارته) and what opens the words said.
SAYING_TIMES = frozenset(("خلال", "اثناء", "لدي", "عند", "ابان"))
SAID_OPENERS = frozenset(("ان", "بان", "انه", "انها", "بانه", "بانها", "انهم", "بانهم"))
# Refusing or abstaining (رفضت الحكومة إجراء محادثات، امتنعت عن تقديم المساعدات) is the event; the
# cooperative act refused did not happen. Not for violence or protest: رفضت الاعتداء على السفارة
# condemns an attack that took place.
REFUSAL_STEMS = frozenset(("رفض", "رفضت", "رفضوا", "رفضا", "يرفض", "ترفض", "يرفضون", "نرفض", "رافضا", "رافضين",
                           "رافضه", "امتنع", "امتنعت", "امتنعوا", "يمتنع", "تمتنع", "يمتنعون",
                           # calling off, putting off, suspending, freezing (أجل is also "for the sake of")
                           "الغي", "الغت", "الغوا", "يلغي", "تلغي", "الغاء", "بالغاء", "ارجا", "ارجات", "ارجاء",
                           "تاجيل", "بتاجيل", "علق", "علقت", "يعلق", "تعلق", "تعليق", "بتعليق", "جمد", "جمدت",
                           "يجمد", "تجمد", "تجميد", "بتجميد"))
REFUSABLE_TYPES = frozenset(("CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "CONCEDE", "RETREAT"))
REFUSAL_FORMS = with_proclitics(REFUSAL_STEMS)
REFUSAL_REACH = 4   # رفضت الحكومة إجراء محادثات: the subject and a verbal noun of doing between
TAKING_PART = frozenset(("المشاركه", "مشاركه", "بالمشاركه", "الانضمام", "الدخول"))
# words that end the refused act's reach: علق على "commented on", تجميد أنشطتها مقابل رفع العقوبات
REFUSAL_STOPS = frozenset(("علي", "مقابل", "بعد", "قبل", "لكن"))
# Nominal negators (بدون طيار، غير مسلحة، عدم اعتقال) negate only their complement: the word right
# after them, or the verb of دون أن يقتله.
NOMINAL_NEG = frozenset(("دون", "بدون", "بلا", "غير", "عدم"))
# A negated verb of stopping or ceasing asserts what goes on: لم تتوقف عن تعذيب، لا يزال، ما زال.
CESSATIVE = ("توقف", "يتوقف", "تتوقف", "يتوقفون", "كف", "يكف", "تكف", "يكفون", "زال", "يزال", "تزال", "يزالون",
             "انقطع", "ينقطع", "تنقطع", "يتوان", "تتوان", "يتواني", "تتواني", "برح", "يبرح", "تبرح", "انفك", "ينفك", "تنفك")
# لا سيما "especially" is no negation.
NOT_NEGATED = frozenset(("سيما", "سيم"))
# The imperfect prefixes that make قد + verb "may" (قد يقتل، قد نشهد، قد تتعرض); قد + past is "has".
_PRESENT_MARKS = ("ي", "ن", "تت", "تس")
# An event noun that is the object of a demand to stop or prevent it (وقف الهجمات، لمنع تفجير، لجنة
# تفادي التعذيب) or of a call for it (تدعو إلى قتل) is not asserted to take place: irrealis.
IRREALIS_HEADS = frozenset(("وقف", "بوقف", "لوقف", "ووقف", "منع", "لمنع", "بمنع", "تفادي", "لتفادي", "بتفادي",
                            "انهاء", "بانهاء", "لانهاء",
                            # what one prepares for has not come (استعدادا لاستقبال الحجاج، تمهيدا لزيارة)
                            "استعداد", "استعدادا", "استعداده", "استعدادها", "استعدادهم", "تحضيرا", "تمهيدا",
                            "تاهبا",
                            # the other side of a deal (رفع العقوبات مقابل فرض قيود، الإفراج عنهم مقابل
                            # إطلاق سراح خمس نساء): a term offered or agreed, not an act done
                            "مقابل", "بمقابل"))
# A warrant or an order (مذكرة اعتقال، أمر هدم، قرار ترحيل) names the arrest, demolition or deportation
# it allows, not one done.
WARRANT_HEADS = with_proclitics(("مذكره", "مذكرات", "امر", "اوامر", "قرار"), ("", "ب"))
WARRANT_TYPES = frozenset(("COERCE", "ASSAULT"))
CALL_HEADS = ("دعو", "تدعو", "يدعو", "يدعون", "دعا", "دعت", "دعوا", "داعين", "داعيه", "مطالبين", "يطالب", "تطالب",
              "يطالبون", "طالب", "طالبت", "طالبوا")
# "When" and "whenever" with the imperfect (عندما يفجر الشاب نفسه في سيارة ملغومة، كلما يحتج العمال)
# tell what happens in such a case, not an event; with the perfect (عندما فتح المسلحون النار) they
# date one.
GENERIC_WHEN = with_proclitics(("عندما", "حينما", "حين", "كلما"))
GENERIC_REACH = 4
# Hoping, wishing and proposing (يأمل أن، أعرب عن أمله في، تمنى، اقترح، يرغب في) name an act that has
# not happened.
WISH_HEADS = frozenset(("يامل", "تامل", "ياملون", "نامل", "امل", "امله", "املها", "املهم", "تمني", "تمنت", "يتمني",
                        "تتمني", "اقترح", "اقترحت", "يقترح", "تقترح", "اقترحوا", "يرغب", "ترغب", "يرغبون", "رغبته",
                        "رغبتها", "رغبتهم", "يريد", "تريد", "يريدون"))
WISH_REACH = 5
WISH_FORMS = with_proclitics(WISH_HEADS, ("", "و"))   # not ف: فتمنى بعد اجتماع (a wish after a meeting)
WISHED_AS_FUTURE = frozenset(("CONSULT", "SUPPORT", "COOPERATE", "AID"))
# Words between the call and its إلى: the subject of a verb-first clause (دعت المعارضة السورية إلى …،
# ودعا عدد من مناصري النظام السابق إلى تنظيم تظاهرات).
CALL_REACH = 8
# Striving and aiming (تسعى المقاومة إلى طرد …، سعيها الدؤوب إلى طرد هؤلاء، الرامية إلى وقف) name with
# إلى an act not yet done, as a call does. Whole words: سعيد is a name.
AIM_HEADS = frozenset(("سعي", "السعي", "بالسعي", "يسعي", "تسعي", "نسعي", "يسعون", "سعت", "سعيا", "سعيه", "سعيها",
                       "سعيهم", "تهدف", "يهدف", "هادفه", "الهادفه", "الراميه", "الرامي", "راميه", "يرمي", "ترمي",
                       "يطمح", "تطمح", "يتطلع", "تتطلع", "تتجه", "يتجه"))
# The grievance of a protest or a denunciation (احتجاجا على مقتل، تندد بالمعارك، تنديدا بإعدامه) is
# what the protest is about, told as its reason, not reported as an event of the sentence.
GRIEVANCE_HEADS = ("احتجاج", "للاحتجاج", "الاحتجاج", "والاحتجاج", "تندد", "يندد", "ينددون", "منددين", "مندده",
                   "منددا", "تنديد", "للتنديد", "استنكار", "للاستنكار", "احتجاجا", "تنديدا", "استنكارا")
# Prepositions of time and circumstance (أثناء مظاهرة، غداة اعتداء، إبان الاحتجاجات، وسط مظاهرة، في
# أعقاب هجوم، قبيل اغتياله) make an event noun of violence or protest the time frame or setting of
# another event, as بعد and خلال do (frames.EVENT_BACKGROUND_HEADS): not an event the sentence
# reports. Not عقب and إثر: in news they tell the cause of what is reported (قتل جنديان إثر انفجار
# لغم، تمكنت المقاومة عقب مواجهات عنيفة من …), an event of the sentence (measured: 30 of 31 such).
TIME_FRAME_HEADS = frozenset(("اثناء", "غداه", "ابان", "عشيه", "وسط", "اعقاب", "قبيل"))
SETTING_TYPES = frozenset(("ASSAULT", "PROTEST"))
# A polar question (هل يبرر …؟، فهل يعقل أن …) asks whether something is so: what it names is not
# reported (hypothetical), as after إذا.
QUESTION_WORDS = frozenset(("هل", "وهل", "فهل", "اهل"))
# Fear and warning (حذرت من تفجير، خشية من هجمات، مخاوف من وقوع اشتباكات، تحذيرها من حدوث اغتيال)
# name an event that may come: irrealis, as a call or a demand to stop it is (IRREALIS_HEADS).
FEAR_HEADS = ("حذر", "يحذر", "تحذر", "يحذرون", "محذر", "تحذير", "خشي", "يخشي", "تخشي", "يخشون", "خشيه", "مخاوف",
              "تخوف", "يتخوف", "تتخوف", "الخوف", "خوف", "مخافه", "المخاوف")
FEAR_FILLERS = frozenset(("من", "وقوع", "حدوث", "اندلاع", "تنفيذ", "شن", "تكرار", "امكانيه", "احتمال"))
FEAR_REACH = 3
FEAR_SUBJECT = 5
# An accusation (اتهم الجيش بقتل مدنيين، تتهمها بتعذيب المعتقلين، اتهامات لها بقصف القرى) names the act
# charged with ب: alleged, not reported (PLOVER codes the ACCUSE; مزاعم is HYP in cues.tsv).
ACCUSE_HEADS = ("اتهم", "يتهم", "تتهم", "نتهم", "متهم", "المتهم", "اتهام", "الاتهام", "باتهام", "تهمه", "بتهمه",
                "التهمه",
                # a conviction (أدين ثلاثة شرطيين بتعذيب موقوف) judges an act of the past, not news of the day
                "ادين", "ادينوا", "مدان", "المدان", "مدانين", "المدانين", "ادانته", "ادانتهم")
ACCUSE_REACH = 6
INVITE_HEADS = frozenset(("دعوه", "الدعوه", "دعا", "دعاه", "دعت", "دعته", "يدعو", "تدعو", "دعوته", "دعوتها",
                          "بدعوه", "لدعوه"))
INVITE_REACH = 6
# A sentence (قضت المحكمة بإعدامه، حكم عليه بالسجن، أصدرت حكما بإعدام) names with ب the penalty to come
# (only a penalty: قرار يقضي بالموافقة provides for an approval it reports)
PENALTY_TYPES = frozenset(("ASSAULT", "COERCE"))
SENTENCE_HEADS = frozenset(("قضت", "قضي", "يقضي", "تقضي", "حكم", "حكما", "الحكم", "بالحكم", "احكام", "حكمت",
                            "يحكم", "تحكم"))
# تتهم المنظمات إدارة السجن بارتكاب مذبحة: the ب of the charge on the verbal noun of doing before the act
DOING_WITH_B = frozenset(("بارتكاب", "بتنفيذ", "بشن", "بالقيام"))
# A threat (هددت الجماعة بقتل الرهائن، تهديدات بشن اعتداءات، توعد بالانتقام) names with ب an act to come.
THREAT_HEADS = ("هدد", "يهدد", "تهدد", "يهددون", "مهدد", "تهديد", "التهديد", "بتهديد", "للتهديد", "لتهديد",
                "توعد", "يتوعد", "تتوعد")
# A demand (طالبوا بالإفراج عن المعتقلين، مطالبين بإطلاق سراحهم) names with ب an act it asks for, not
# one that took place. طالبان (the Taliban) is no demand.
DEMAND_HEADS = ("طالب", "يطالب", "تطالب", "نطالب", "مطالب", "للمطالب", "بالمطالب", "المطالب")
TALIBAN = frozenset(("طالبان", "وطالبان", "فطالبان", "لطالبان", "بطالبان"))   # not يطالبان "the two demand"
# A decision or an intention (قرروا تسيير مظاهرة، يعتزم الاتحاد تنظيم إضراب، تنوي الجماعة شن هجمات)
# names an act to come, through the verbal noun of doing that carries the event noun.
INTENT_HEADS = ("قرر", "تقرر", "يقرر", "يقررون", "اعتزم", "يعتزم", "تعتزم", "يعتزمون", "عزم", "ينوي", "تنوي",
                "ينوون", "نيه", "بنيه", "نيته", "نيتها", "نيتهم")
INTENT_REACH = 2
INTENT_FILLERS = frozenset(("تنظيم", "تسيير", "تنفيذ", "شن", "اقامه", "القيام", "خوض", "اعلان", "الدعوه", "الي"))
# ل before an indefinite verbal noun of violence gives a purpose or intention (خطة لاغتيال الوزير،
# شبكة لتفجير السيارات، تستخدم لإطلاق الصواريخ): irrealis. Not what someone underwent (تعرض لهجوم،
# أكثر عرضة لهجمات), which frames reads as a report.
PURPOSE_PREFIXES = frozenset(("ل", "ول", "فل", "لل", "ولل"))
CAUSE_HEADS = frozenset(("نتيجه", "نظرا", "تبعا", "استجابه", "ردا", "بالنسبه")) | with_proclitics(
    ("كان", "كانت"))   # وكان لتخلي المصرف المركزي عن سعر الصرف أثر: ل of possession after كان
PURPOSE_TYPES = frozenset(("ASSAULT", "COERCE",
                           # وساطتها للتوصل إلى حل، جهود الحكومة للإفراج عن الرهينة، بذل جهدهما للاستجابة
                           # إلى المطالب: outcomes worked for, not reached (but اضطرت للانسحاب: FORCED)
                           "AGREE", "RETREAT", "CONCEDE"))
# Forced to (اضطرت القوات للانسحاب، أجبر على التخلي): the act was done, no purpose.
FORCED = ("اضطر", "يضطر", "تضطر", "اجبر", "يجبر", "تجبر", "ارغم", "يرغم", "ترغم")
PURPOSE_HEAD_TYPES = frozenset(("ASSAULT", "COERCE"))
UNDERGO_REACH = 6
UNDERGO_STEMS = ("تعرض", "يتعرض", "تتعرض", "لتعرض", "عرضه", "معرض")
# ل on the verbal noun of doing before it (لتنفيذ هجمات، لشن ضربات، لارتكاب مجزرة) and the heads of
# aim (بهدف اغتيال، بغية تفجير) give a purpose too.
PURPOSE_HEADS = frozenset(("لتنفيذ", "لشن", "لارتكاب", "للقيام", "لتنظيم", "بهدف", "بغيه", "بقصد", "لغرض",
                           # على وشك تفجير نفسها "about to": an act that has not come
                           "وشك"))
# Plural heads of kind and recurrence (جرائم اغتصاب، محاولات اغتيال، حوادث خطف، تكرار خطف الصحافيين)
# name a class of acts or a series, not one incident of the sentence: background.
CATEGORY_HEADS = frozenset(("جراءم", "الجراءم", "بجراءم", "لجراءم", "محاولات", "المحاولات", "لمحاولات", "بمحاولات",
                            "حوادث", "الحوادث", "لحوادث", "بحوادث", "تكرار", "لتكرار",
                            # 94 ألفا و780 حالة اغتصاب، حالات الخطف: cases counted
                            "حالات", "الحالات", "لحالات", "بحالات"))
# Heads that make the event noun a topic (سر اغتيال الرئيس، ملابسات خطف الصحافي، طريقة اغتياله، تدبير
# اغتيال، الوثائق المتعلقة باغتيال), as قضية and ملف do (frames.BACKGROUND_HEADS).
TOPIC_HEADS = frozenset(("سر", "اسرار", "طريقه", "بطريقه", "تفاصيل", "ملابسات", "ظروف", "حيثيات", "خلفيات",
                         "بملف", "لملف", "تدبير", "بتدبير", "بشان", "بخصوص",
                         # أعمال مثل تفجير الأنابيب، فكرة تفجير السفارتين: an example of a kind, an idea
                         "مثل", "فكره",
                         # تاريخ احتجاجات الطلاب: the history (or the date) of events is a topic
                         "تاريخ", "بتاريخ"))
# A noun of violence as the predicate of a judgement (يشكل اعتداء على حرية التعبير، يعد اعتداء على
# السيادة، هو اغتيال للمبادرات) classifies an act, it reports none. Only with its complement of على
# or ل after it: a noun followed by its genitive is the subject of a VSO clause (يشكل اغتيال العميد
# الاعتداء الأخير).
PREDICATE_HEADS = frozenset(("يشكل", "تشكل", "شكل", "شكلت", "يمثل", "تمثل", "يعد", "تعد", "يعتبر", "تعتبر", "بمثابه",
                             "هو", "هي", "يعني", "تعني", "اعتبره", "اعتبرها", "اعتبروه", "يعتبره", "تعتبره"))
# An event noun qualified as coming (الاجتماع المقبل، المباحثات المرتقبة، زيارته المقبلة، الاجتماع المقرر)
# is scheduled, not held: future.
COMING = frozenset(("المقبل", "المقبله", "القادم", "القادمه", "المرتقب", "المرتقبه", "المقرر", "المقرره",
                    "المزمع", "المزمعه", "المنتظر", "المنتظره", "مقبل", "مقبله", "مرتقب", "مرتقبه"))
# Violence against a whole kind of people (قتل النفس التي حرم الله، قتل الأبرياء، استهداف الآمنين، قصف
# الناس) names a kind of act in sermons and judgements, not one incident: background. Only the bare
# verbal noun or perfect right before them: قتلت القوات المدنيين، استهدفت المدافع المدنيين are told.
GENERIC_VICTIMS = frozenset(("النفس", "الانفس", "النفوس", "الابرياء", "الامنين", "الناس", "المسلمين", "المصلين",
                             "البشر"))
# An alternative (قبول الاتفاق أو رفضه، تأكيد أو نفي، أسر أو اعتقال، مظاهرات أو تذمر) is not asserted:
# a trigger right after أو, or right before it, names one of the acts that may be meant.
DISJUNCTIONS = frozenset(("او",))
# أن, بأن and كي before an imperfect make it subjunctive (ومن شأن القانون أن يفرض قيودا، أتمنى أن يستضيف،
# من أجل أن تستجيب الحكومة): a possible act, not one reported. What is expected, scheduled or hoped for
# (من المتوقع أن يلتقي، يأمل أن يلتقي) is read as future before this. But a narrative tells past acts
# with قبل أن، بعد أن، إلى أن، منذ أن and the imperfect (تسلل إلى المبنى قبل أن يعتقله ضابط).
SUBJUNCTIVE_PARTICLES = frozenset(("ان", "وان", "بان", "كي", "لكي"))
NARRATIVE_BEFORE_AN = frozenset(("قبل", "بعد", "الي", "منذ", "حتي", "لحين"))
# The collapse, breach, violation or terms of a truce (انهيار هدنة، خرق وقف إطلاق النار، انتهاكات لاتفاق
# وقف إطلاق النار، اتفاق نزع الأسلحة الكيماوية) make it the topic: no truce or withdrawal reported
# (the agreement, where it is told, is its own event).
TRUCE_TOPIC_HEADS = with_proclitics(("انهيار", "خرق", "خروقات", "انتهاك", "انتهاكات", "اتفاق", "اتفاقيه", "شروط",
                                     "بنود", "احترام", "تطبيق", "الالتزام", "سريان"), ("", "ل", "ب"))
# The future verb of doing before an act's verbal noun (ليون سيقوم بعقد مشاورات)
FUTURE_DOING = with_proclitics(("سيقوم", "ستقوم", "سيقومون", "سنقوم", "سيتم", "ستتم"), ("", "و", "ف"))
# The verbal nouns of doing an act (تنظيم تظاهرات، شن هجمات، تنفيذ إضراب، إقامة اعتصام)
DOING_NOUNS = frozenset(("تنظيم", "تسيير", "اقامه", "شن", "تنفيذ", "القيام", "اجراء", "اعلان"))
RELATING = frozenset(("المتعلقه", "المتعلق", "المتصله", "المتصل", "متعلقه", "متعلق"))


@dataclass(frozen=True, slots=True)
class Modality:
    negated: bool
    future: bool
    hypothetical: bool
    say: Match | None
    grievance: bool = False
    background: bool = False   # the time frame or setting of another event (غداة اعتداء، أثناء مظاهرة)


def modality(hit: TriggerHit, cues: list[Match], tokens: Any, stems: Any) -> Modality:
    m = hit.head
    prefix = m.prefix
    negated = any(prefix.endswith(p) for p in ("لا", "لم", "لن"))
    future = "س" in prefix or prefix.endswith("لن")
    hypothetical = False
    say: Match | None = None
    # clause start: the last punctuation before the trigger
    left = m.first
    breaks = tokens.breaks
    while left > 0 and not breaks[left]:
        left -= 1
    nominal = m.pattern.form == "noun" or m.pattern.form == "fixed" and (
        "ال" in m.prefix or m.first > 0 and stems[m.first - 1] == "في") \
        or m.first > 0 and without_conjunction(stems[m.first - 1]) in DONE_VERBS   # يتم قصفها: the verbal noun
    light = _light_verb(m, left, stems) if nominal and hit.anchor is None else None
    if light is not None:
        # ولن تشارك روسيا في المؤتمر، ستشارك قطر في المحادثات: a noun carried by a light verb that is no
        # trigger takes the verb's tense and negation, as an anchored noun does
        future = future or stems[light].startswith(("س", "وس", "فس"))
    for c in cues:
        if c.last >= m.first:
            continue
        dist = m.first - c.last
        if light is not None and c.last < light and light - c.last <= NEG_REACH and stems[c.last] in LIGHT_NEGATIONS:
            dist = light - c.last
        same_clause = c.first >= left
        if c.kind == "NEG" and dist <= NEG_REACH and same_clause:
            word = stems[c.last]
            nxt = stems[c.last + 1]
            if nxt in NOT_NEGATED or nxt.startswith(CESSATIVE):
                continue
            if word in NOMINAL_NEG and not (dist == 1 or (dist == 2 and nxt in ("ان", "أن"))
                                            or word == "عدم" and _negated_doing(c.last, m.first, stems)):
                continue  # طائرة بدون طيار بإطلاق: دون negates طيار, not the launch
            if word == "ما" and dist != 1:
                continue  # ما أدى إلى مقتل، مما أسفر عن إصابة: relative "which", or a negated other verb
            negated = True
            if stems[c.first] in ("لن",):
                future = True
        elif c.kind == "FUT" and dist <= FUT_REACH and same_clause:
            future = True
        elif c.kind == "HYP" and dist <= HYP_REACH and same_clause:
            if stems[c.first] == "قد" and not _present_after(c.last, m, stems):
                continue  # قد + past = certainty ("has"), not possibility
            hypothetical = True
        elif c.kind == "SAY":
            say = c
    if say is not None and m.pattern.form == "noun" and m.first > 0 and stems[m.first - 1] in SAYING_TIMES \
            and not any(stems[j] in SAID_OPENERS for j in range(say.last + 1, m.first)):
        # ما جاء على لسان باتروشيف خلال لقائه شافيز، قال الوزير خلال زيارته: the meeting is when it was
        # said, told by the writer, not what was said (unless after أن: قال إنه خلال لقائه …)
        say = None
    if light is not None and not future and light > 0 and stems[light - 1] in SUBJUNCTIVE_PARTICLES \
            and stems[light].startswith(("ي", "ت")) and stems[light] not in ("تم", "تمت"):   # بعد أن تم: past
        hypothetical = True   # تأخذ إسرائيل في حساباتها أن يتم قصفها: أن + imperfect, a possibility
    if m.pattern.form == "noun" and m.first > 0 and stems[m.first - 1] in NEG_BEFORE_NOUN:
        negated = True
    for i in range(max(0, m.first - 12), m.first):
        w = stems[i]
        if w in DENIAL_FORMS or w == "صحه" and i > 0 and stems[i - 1] in ("لا", "ولا"):
            negated = True   # نفى …، ونفت …، لا صحة للأنباء عن اعتقال الصحفي
            break
    # رفضت الحكومة السورية المشاركة في محادثات جنيف: taking part in the act is what is refused
    at = m.first - 2 if m.first >= 2 and stems[m.first - 1] == "في" \
        and without_conjunction(stems[m.first - 2]) in TAKING_PART else m.first
    if not negated and hit.entry.type in REFUSABLE_TYPES and any(
            stems[i] in REFUSAL_FORMS and REFUSAL_STOPS.isdisjoint(stems[i + 1:m.first])
            for i in range(max(left, at - REFUSAL_REACH), m.first)):
        # رفضت الحكومة إجراء محادثات، امتنعت روسيا عن التعاون، ألغى الرئيس زيارته، علق الاتحاد
        # المساعدات: the act refused, called off or suspended does not happen (علق على: commented)
        negated = True
    if not negated and hit.entry.type == "ASSAULT" and any(
            stems[i] in FOIL_FORMS for i in range(max(left, m.first - FOIL_REACH), m.first)):
        negated = True   # أحبطت الأجهزة الأمنية هجوما، إحباط محاولة لتفجير سيارة: the attack did not happen
    if not negated and any(stems[i] in AVOID_FORMS for i in range(max(left, m.first - AVOID_REACH), m.first)):
        negated = True   # لتجنب وقوع اشتباكات: avoided
    if m.pattern.form == "noun" and m.last + 1 < len(stems) and stems[m.last + 1] in COMING:
        future = True   # الاجتماع المقبل لوزراء الخارجية، اللقاء المرتقب مع لافروف
    if not future and any(stems[i] in FUTURE_DOING for i in range(max(left, m.first - 3), m.first)):
        future = True   # سيقوم بعقد مشاورات، ستقوم بتوقيع الاتفاق: the verb of doing carries the future
    if not hypothetical and (m.first > 0 and stems[m.first - 1] in DISJUNCTIONS
                             or m.last + 1 < len(stems) and stems[m.last + 1] in DISJUNCTIONS):
        hypothetical = True   # لقبول الاتفاق أو رفضه، مقتل أو جرح أحد: one of the alternatives
    if not hypothetical and any(stems[i] in QUESTION_WORDS for i in range(m.first)):
        hypothetical = True
    imperfect = m.pattern.form == "present" or m.pattern.form == "fixed" and m.pattern.words[0][:1] == "ي"
    if not hypothetical and imperfect and not future and any(
            stems[i] in GENERIC_WHEN for i in range(max(left, m.first - GENERIC_REACH), m.first)):
        hypothetical = True   # عندما يفجر الشاب نفسه، كلما يتظاهرون: a case in general, not an event
    # the word with the ب of the charge, threat or demand: the trigger, or the verbal noun of doing
    # one or two words before it (بارتكاب أكبر مذبحة)
    charged = m.first if "ب" in m.prefix else next(
        (j for j in (m.first - 1, m.first - 2) if j >= left and _bare(stems[j]) in DOING_WITH_B), None)
    if not hypothetical and charged is not None and any(
            _headed(stems[i], ACCUSE_HEADS) or _headed(stems[i], THREAT_HEADS)
            or _headed(stems[i], DEMAND_HEADS) and stems[i] not in TALIBAN
            or hit.entry.type in PENALTY_TYPES and without_conjunction(stems[i]) in SENTENCE_HEADS
            for i in range(max(left, charged - ACCUSE_REACH), charged)):
        # اتهم الجيش بقتل مدنيين، هددت بقتل الرهائن، طالبوا بالإفراج عنهم، قضت المحكمة بإعدامه: the act
        # charged, threatened, demanded or sentenced to is not reported as done
        hypothetical = True
    if not hypothetical and "ل" in m.prefix.replace("ال", "") and m.pattern.form in ("noun", "fixed") and any(
            without_conjunction(stems[i]) in INVITE_HEADS for i in range(max(left, m.first - INVITE_REACH), m.first)):
        # وجه الرئيس الدعوة إلى نظيره لزيارة القاهرة، دعاه لحضور القمة: the visit invited to is to come
        hypothetical = True
    if not hypothetical and _intended(m, hit.anchor is not None, left, stems):
        # قررت السعودية إعادة سفيرها، تعتزم الحكومة توقيع اتفاق: decided or intended, so planned
        # (future, as يعتزم is in cues.tsv); a protest or an attack decided on is not reported
        # (قرروا تسيير مظاهرة): irrealis
        if hit.entry.type in SETTING_TYPES:
            hypothetical = True
        else:
            future = True
    if not hypothetical and _feared(m, left, stems):
        hypothetical = True
    if not hypothetical and not future and any(
            stems[i] in WISH_FORMS for i in range(max(left, m.first - WISH_REACH), m.first)):
        # يأمل الرئيس أن يلتقي نظيره، اقترح الوزير عقد اجتماع: a meeting hoped for or proposed is an
        # intention (future: the pipeline codes it AGREE 036); other acts wished for are irrealis
        if hit.entry.type in WISHED_AS_FUTURE:
            future = True
        else:
            hypothetical = True
    if not hypothetical and m.pattern.form == "present" and m.prefix in ("ل", "ول", "فل") and not breaks[m.first]:
        # جلبت الميليشيات لتقتل، فلنفتش عن المختبئين: ل before an imperfect, a purpose or a command; but
        # after a comma it tells what followed (اشتباكات أسفرت عن مقتل عناصر، لتنسحب قوات الأسد)
        hypothetical = True
    if not hypothetical and not future and m.pattern.form == "present" and not m.prefix and m.first > 0 \
            and stems[m.first - 1] in SUBJUNCTIVE_PARTICLES \
            and not (m.first > 1 and _bare(stems[m.first - 2]) in NARRATIVE_BEFORE_AN):
        hypothetical = True   # أن يُطلب منك أن تقتل شخصا، من أجل أن تستجيب الحكومة: a possible act
    if not hypothetical and hit.anchor is None and (
            hit.entry.type in PURPOSE_TYPES and m.prefix in PURPOSE_PREFIXES and m.pattern.form in ("noun", "fixed")
            and not (m.first > 0 and _bare(stems[m.first - 1]) in CAUSE_HEADS)   # نتيجة للحصار: a cause
            and not any(stems[i].startswith(UNDERGO_STEMS) or stems[i][1:].startswith(UNDERGO_STEMS)
                        for i in range(max(left, m.first - UNDERGO_REACH), m.first))
            and not (hit.entry.type not in PURPOSE_HEAD_TYPES and any(
                without_conjunction(stems[i]).startswith(FORCED) for i in range(max(0, m.first - UNDERGO_REACH), m.first)))
            # after a head of aim a verb-shaped word is the verbal noun (بغية خطف، لتنفيذ هجمات، لتنظيم
            # اقتحام جماعي للمسجد)
            or hit.entry.type in PURPOSE_HEAD_TYPES and m.first > 0 and not m.prefix
            and _bare(stems[m.first - 1]) in PURPOSE_HEADS
            and (m.pattern.form in ("noun", "fixed") or not m.suffix)):
        hypothetical = True
    grievance = False
    background = False
    # The heads below are nouns and prepositions: what follows them is a verbal noun even where
    # its spelling is also a verb's (تدعو إلى قتل، لوقف قتل): no check of the matched form.
    if m.first > 0:
        prev = _bare(stems[m.first - 1])
        if prev in IRREALIS_HEADS or prev in WARRANT_HEADS and hit.entry.type in WARRANT_TYPES and not m.prefix:
            hypothetical = True
        elif prev == "الي" and m.first > 1 and _called(stems, max(left, m.first - 1 - CALL_REACH), m.first - 1, True):
            hypothetical = True   # دعا إلى وقف …، ودعا الرئيس المصري إلى وقف إطلاق النار، تسعى إلى طرد
        elif prev in DOING_NOUNS and not m.prefix and m.first > 2 and stems[m.first - 2] == "الي" \
                and _called(stems, max(left, m.first - 2 - CALL_REACH), m.first - 2, True):
            hypothetical = True   # دعا أنصار النظام إلى تنظيم تظاهرات أخرى: the act called for, through its doing
        elif m.prefix in ("ل", "لل") and m.pattern.form in ("noun", "fixed") \
                and _called(stems, max(left, m.first - 1 - CALL_REACH), m.first, False):
            hypothetical = True   # دعت منظمة العفو الدولية للإفراج عنهم، يدعو لمحاكمة إسرائيل: ل for إلى
        elif prev.startswith(GRIEVANCE_HEADS) and m.prefix.endswith(("ب", "ل")):
            grievance = True   # تندد بالمعارك، استنكارا لاغتيال
        elif prev in ("علي", "ضد") and m.first > 1 and _bare(stems[m.first - 2]).startswith(GRIEVANCE_HEADS):
            grievance = True   # احتجاجا على مقتل
        elif hit.entry.type == "ASSAULT" and not m.suffix and m.pattern.form in ("noun", "fixed", "past") \
                and m.last + 1 < len(stems) and stems[m.last + 1] in GENERIC_VICTIMS:
            background = True  # حرم قتل النفس، وقتل الأبرياء وجلب الدمار
        elif hit.entry.type in SETTING_TYPES and hit.anchor is None and (
                (prev in CATEGORY_HEADS or prev in TOPIC_HEADS
                 or prev == "حاله" and m.first > 1 and without_conjunction(stems[m.first - 2])[:1].isdigit()) \
                and not m.prefix
                or prev in PREDICATE_HEADS and not m.prefix and not m.suffix and _complement_follows(m, stems)
                or prev in RELATING and m.prefix in ("ب", "بال")):
            background = True  # جرائم اغتصاب، محاولات اغتيال، ملابسات خطف، المتعلقة باغتيال
        elif prev in TIME_FRAME_HEADS and hit.entry.type in SETTING_TYPES and hit.anchor is None \
                and "ب" not in m.prefix.replace("ال", ""):
            background = True  # غداة اعتداء بسيارة مفخخة، أثناء مظاهرة نظمتها الحركة
        elif hit.entry.type == "RETREAT" and hit.anchor is None and not m.prefix.replace("ال", "") \
                and (m.pattern.form in ("noun", "fixed") or not m.prefix and not m.suffix) and prev in TRUCE_TOPIC_HEADS:
            background = True  # انهيار هدنة، خرق وقف إطلاق النار، اتفاق نزع الأسلحة: the truce is the topic
        elif prev in BACKGROUND_HEADS and hit.entry.type in SETTING_TYPES and hit.anchor is None \
                and m.pattern.form in ("past", "present") and not m.prefix and not m.suffix:
            # قضية خطف الشابين، التحقيق في … : after a noun the verb-shaped word is the verbal noun,
            # and the noun heads that make an event noun a topic (frames) make it one too
            background = True
    return Modality(negated, future, hypothetical, say, grievance, background)


# An explicit year by an event of violence or protest (تفجير السفارة في الأرجنتين عام 1992، تعرضت
# المدمرة لهجوم في أكتوبر عام 2000) dates it to a year before the text's: history recalled, not an
# event reported. News tells its own events by day (أمس، الثلاثاء) without the year.
YEAR_AFTER = 12
YEAR_BEFORE = 0


# A year before 1900 (عام 1859, not a Hijri عام 1436هـ nor a count) or a date before Christ (دمرت نينوى
# عام 612 قبل الميلاد)
# anywhere in the sentence makes it history for every type and form: no news is that old.
ANCIENT_BEFORE = 1900
YEAR_WORDS = frozenset(("عام", "العام", "سنه", "السنه", "عامي"))
HIJRI_YEARS = (1300, 1500)   # the Hijri years of modern texts (عام 1436), written without هـ too


def historical(hit: TriggerHit, tokens: Any, year: int | None) -> bool:
    """Whether a year (1900–2099), earlier than ``year`` when the text's date is known, stands
    within a few words of the trigger in its sentence; or the sentence is dated before 1900."""
    m = hit.head
    texts = tokens.texts
    for i, w in enumerate(texts):
        if w.isdigit() and len(w) <= 4 and (
                texts[i + 1:i + 3] == ["قبل", "الميلاد"]
                or len(w) == 4 and int(w) < ANCIENT_BEFORE and not HIJRI_YEARS[0] <= int(w) < HIJRI_YEARS[1]
                and i > 0 and texts[i - 1] in YEAR_WORDS
                and (texts[i + 1] if i + 1 < len(texts) else "")[:1] != "ه"):   # not عام 1436هـ (Hijri)
            return True
    if hit.entry.type not in SETTING_TYPES or m.pattern.form not in ("noun", "fixed"):
        return False
    for i in range(max(0, m.first - YEAR_BEFORE), min(len(texts), m.last + 1 + YEAR_AFTER)):
        w = texts[i]
        if len(w) == 4 and w.isdigit() and w[:2] in ("19", "20"):
            y = int(w)
            if year is None or y < year:
                return True
    return False



# An event noun in construct with a place name (مذبحة قانا، تفجيرات مدريد، هجمات نيويورك) is definite
# by its genitive: it names a known event, as the definite noun does (frames.back_reference), unless
# a verb of occurrence next to it tells it (وقعت تفجيرات مدريد).
NAMED_PLACE_KINDS = frozenset(("place", "capital", "country"))


def named_event(hit: TriggerHit, matches: list[Match], stems: Any) -> bool:
    m = hit.match
    if hit.anchor is not None or hit.entry.type not in SETTING_TYPES or m.pattern.form != "noun" \
            or m.prefix.endswith("ال") or m.suffix or m.last + 1 >= len(stems):
        return False
    if not any(a.layer == "actor" and a.kind in NAMED_PLACE_KINDS and a.first == m.last + 1 and not a.prefix
               for a in matches):
        return False
    return not _occurs(m, stems)


def coordinated(hit: TriggerHit, mod: Modality, prev: tuple[TriggerHit, Modality] | None) -> Modality:
    """A verb joined by و right after a negated or irrealis verb shares its scope (لا يستحق أن يعتقل
    ويعذب، لم يعتقل ولم يعذب is told by the verb's own particle)."""
    if prev is None or mod.negated or mod.hypothetical:
        return mod
    p_hit, p_mod = prev
    m, pm = hit.head, p_hit.head
    if not (p_mod.negated or p_mod.hypothetical) or pm.last + 1 != m.first or not m.prefix.startswith("و") \
            or m.pattern.form not in ("past", "present") or pm.pattern.form != m.pattern.form:
        return mod
    return Modality(p_mod.negated, mod.future or p_mod.future, p_mod.hypothetical, mod.say, mod.grievance,
                    mod.background)


def _feared(m: Match, left: int, stems: Any) -> bool:
    """حذرت الشرطة من تفجير الوضع، خشية من هجمات، مخاوف اندلاع مواجهات: a fear or warning head,
    then only من and nouns of occurrence (وقوع، حدوث) before the trigger; after من the subject of
    the verb of fearing may stand between (حذرت الشرطة من)."""
    i = m.first - 1
    lo = max(left, m.first - FEAR_REACH)
    while i >= lo:
        w = _bare(stems[i])
        if _headed(w, FEAR_HEADS):
            return True
        if w == "من":
            return any(_headed(stems[j], FEAR_HEADS) for j in range(max(left, i - FEAR_SUBJECT), i))
        if w not in FEAR_FILLERS:
            return False
        i -= 1
    return False


# عدم تشكيل أي تهديد، عدم وقوع أي هجمات: the verbal noun of doing or occurring and أي between
# عدم and the event noun
NEGATED_DOING = frozenset(("تشكيل", "وقوع", "حدوث", "تنفيذ", "شن", "ارتكاب", "القيام", "تسجيل", "اي"))


def _negated_doing(neg: int, first: int, stems: Any) -> bool:
    return 2 <= first - neg <= 3 and all(stems[i] in NEGATED_DOING for i in range(neg + 1, first))


def _intended(m: Match, anchored: bool, left: int, stems: Any) -> bool:
    """قرروا تسيير مظاهرة، يعتزم الاتحاد تنظيم إضراب: a head of decision or intention, then (after
    its subject) the verbal noun of doing right before the trigger (or its anchor), or the trigger
    itself as a verbal noun (قرر مسلحون قتل الرهائن)."""
    i = m.first - 1
    if anchored:
        if _bare(stems[m.first]) not in INTENT_FILLERS:
            return False
        reach = FEAR_SUBJECT
    elif i >= left and _bare(stems[i]) in INTENT_FILLERS:
        reach = FEAR_SUBJECT   # يعتزم الاتحاد العام للعمال تنظيم إضراب
        i -= 1
    elif not m.prefix and (m.pattern.form in ("noun", "fixed") or m.pattern.form == "past" and not m.suffix):
        reach = INTENT_REACH   # يعتزم الاتحاد إضرابا
    else:
        return False
    return any(_headed(stems[j], INTENT_HEADS) for j in range(max(left, i - reach), i + 1))


def _complement_follows(m: Match, stems: Any) -> bool:
    j = m.last + 1
    if j >= len(stems):
        return False
    w = stems[j]
    return w in ("علي", "ضد") or (w.startswith("ل") and len(w) > 3 and not w.startswith("لا"))


def _headed(w: str, heads: tuple[str, ...]) -> bool:
    """Whether the word, with or without و or ف glued to it (وقرر، فحذرت), begins with one of ``heads``."""
    return w.startswith(heads) or (w[:1] in ("و", "ف") and w[1:].startswith(heads))


CONDITIONALS = frozenset(("اذا", "واذا", "فاذا", "لو", "ولو"))
CONDITIONAL_REACH = 15


def _called(stems: Any, lo: int, hi: int, aims: bool) -> bool:
    """Whether a call (CALL_HEADS) or, with ``aims``, a striving (AIM_HEADS) is among stems[lo:hi]."""
    for i in range(lo, hi):
        w = without_conjunction(stems[i])
        if w.startswith(CALL_HEADS) or aims and w in AIM_HEADS:
            return True
    return False


def conditional_after(last: int, tokens: Any) -> bool:
    """Whether a condition follows the trigger ending at token ``last`` in its sentence (… إذا تعرضت
    إيران لهجوم، … في حال أقدمت على): what is promised then is a threat or a warning."""
    texts = tokens.texts
    for j in range(last + 1, min(len(texts), last + 1 + CONDITIONAL_REACH)):
        w = texts[j]
        if w in CONDITIONALS or w in ("حال", "حاله") and texts[j - 1] in ("في", "وفي"):
            return True
    return False


def _bare(w: str) -> str:
    """A word without the conjunction و glued to it (وتنديدا → تنديدا)."""
    return w[1:] if len(w) > 4 and w[0] == "و" else w


def _present_after(i: int, m: Match, stems: Any) -> bool:
    """Whether the verb after قد at ``i`` is imperfect (قد يقتل "may kill"), not perfect (قد قتل، قد أعلن)."""
    j = i + 1
    if j == m.first and m.pattern.form in ("past", "present"):
        return m.pattern.form == "present"
    if j >= len(stems):
        return False
    w = stems[j]
    return w.startswith(_PRESENT_MARKS) and len(w) > 2
