"""Mention vs report for violence and protest (frames.back_reference, frames._event_background,
frames._participant_background, the relative-clause, habitual, purpose and circumstantial rules):
background, topic and back-referring uses and protesters who only demand or judge are no events; verbs of
occurrence, participation, agents and protesters who act keep the event reported."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from tests.helpers import expresses


@pytest.fixture(scope="module")
def nlp() -> Pipeline:
    return Pipeline()


def _asserts(nlp: Pipeline, text: str, etype: str) -> bool:
    return any(r["event_type"] == etype and not r["negated"] and not r["hypothetical"]
               for r in nlp.code(text, date="2010-05-01"))


MENTIONS = [
    ("وقال الوزير إن الحكومة تعلمت دروسا كثيرة من التفجيرات.", "ASSAULT"),          # definite: refers back
    ("وتحدث الكاتب عن تاريخ الاحتجاجات الطلابية في أوروبا.", "PROTEST"),
    ("وكشف التقرير تفاصيل جديدة عن اغتيال الصحافي.", "ASSAULT"),                    # عن: topic
    ("وعاد الهدوء إلى المدينة بعد اغتيال رئيس البلدية قبل ثلاثة أعوام.", "ASSAULT"),  # temporal head
    ("ونشرت الصحيفة صورا التقطت خلال مظاهرة في العاصمة.", "PROTEST"),
    ("وحذر الجيش من أي هجوم على المنشآت النفطية.", "ASSAULT"),                      # free-choice أي
    ("وأصدرت المحكمة حكما بالسجن عشرين عاما على رجل بتهمة قتل شرطي.", "ASSAULT"),     # a charge
    ("والتقى الوزير عائلات الجنود الذين قتلوا في المعارك.", "ASSAULT"),              # relative clause
    ("ولا تزال المدينة تعيش على وقع التفجيرات.", "ASSAULT"),                         # على وقع ≠ وقع
    ("وقال المعارض إن النظام السابق كان يعذب المعتقلين في سجونه.", "ASSAULT"),         # past habit
    ("وأكد المتحدث أن القوات تسعى إلى اعتقال قادة الخلية خلال الأيام المقبلة.", "COERCE"),  # striving: irrealis
    ("وأكدت المقاومة سعيها الدؤوب إلى طرد المسلحين من المدينة.", "SANCTION"),
    ("ودعت منظمة العفو الدولية للإفراج عن المعتقلين.", "RETREAT"),                   # a call with ل
    ("ونفت مصادر أمنية أن يكون المعتقلان قد تعرضا للتعذيب.", "ASSAULT"),              # ونفت: a denial
    ("وتتهم منظمات حقوقية إدارة السجن بارتكاب أكبر مذبحة بين المعتقلين.", "ASSAULT"),  # charged: بارتكاب
    ("وسجلت الولايات المتحدة عام 2005 نحو 780 حالة اغتصاب.", "ASSAULT"),              # cases counted
    ("وفي حين غاب النواب، تعرض محيط المجلس إلى هجوم إعلامي كثيف.", "ASSAULT"),         # a media attack
    ("وقال الخبير إن السائقين يسلكون الطرق الترابية عندما يهاجم المسلحون القوافل.", "ASSAULT"),  # when + imperfect
    ("وقال المجلس في بيان إنه يدعو لمحاكمة المسؤولين عن الجريمة.", "ACCUSE"),
    # the participant noun (المتظاهرون) demanding, judging or in a subordinate, habitual or predicate
    # clause; violence nouns of purpose, investigation, charge, plan, anniversary, opinion
    ("وطالب المتظاهرون الحكومة بخفض أسعار الوقود.", "PROTEST"),                      # a demand
    ("واعتبر المحتجون القرار إهانة للعمال.", "PROTEST"),                             # a judgement
    ("وحمل المتظاهرون الوزير مسؤولية تدهور الخدمات.", "PROTEST"),                    # blame
    ("وكان المتظاهرون يرددون الأغاني الوطنية كل مساء.", "PROTEST"),                  # past habit
    ("وعندما بدأ المتظاهرون بالتفرق عاد الهدوء إلى الساحة.", "PROTEST"),              # time clause
    ("ويخشى الأمن أن يعود المحتجون إلى الساحة غدا.", "PROTEST"),                       # أن + imperfect
    ("وعرضت القناة صورا للطلاب وهم يهتفون في ساحة الجامعة.", "PROTEST"),              # circumstantial
    ("وعثرت الشرطة على سيارة مجهزة للتفجير قرب الميناء.", "ASSAULT"),               # لل: a purpose
    ("وتواصل اللجنة الدولية التحقيق في اغتيال الوزير السابق.", "ASSAULT"),           # investigation
    ("ووافقت القوى الكبرى على رفع العقوبات مقابل فرض قيود على البرنامج النووي.", "COERCE"),  # a term
    ("وقال الشيخ في خطبة الجمعة إن الإسلام حرم قتل النفس التي حرم الله إلا بالحق.", "ASSAULT"),  # a kind
    ("وأكد أن هؤلاء المتطرفين سلكوا سبيل الغلو وقتل الأبرياء وجلب الدمار.", "ASSAULT"),
    ("واستشهد الكاتب بقول الشاعر في مقاله.", "ASSAULT"),                              # cited (_citing)
    ("ولقي شاب مصرعه في حادث مروري على طريق الرياض.", "ASSAULT"),                    # no weapon: an accident
    # modality.DISJUNCTIONS: one of two alternatives is not asserted
    ("وأمام البرلمان مهلة حتى سبتمبر لقبول الاتفاق أو رفضه.", "REJECT"),
    ("وطلب الصحفيون من المتحدث تأكيد أو نفي اعتقال شقيق زعيم المتمردين.", "REJECT"),
    ("وسقطت الطائرة من دون أن يتسبب سقوطها بمقتل أو جرح أحد على الأرض.", "ASSAULT"),
    ("وأفرجت السلطات عن رجل متهم باختطاف طفلين.", "ASSAULT"),                      # a charge
    ("واعتقلت الشرطة خلية خططت لاغتيال رئيس البلدية.", "ASSAULT"),                 # a plan
    ("وأحيا الحزب الذكرى الثالثة لاغتيال زعيمه.", "ASSAULT"),                       # an anniversary
    ("واعتبر المحلل أن اغتيال الصحافي يشكل ضربة لحرية التعبير.", "ASSAULT"),          # an opinion
    # modality.TIME_FRAME_HEADS: the time frame or setting of another event
    ("واعتقلت الشرطة عشرات الناشطين أثناء مظاهرة أمام مقر البرلمان.", "PROTEST"),
    ("وتجمع آلاف المحتجين في الساحة غداة اعتداء على كنيسة في المدينة.", "ASSAULT"),
    ("وتراجعت السياحة في البلاد في أعقاب اعتداءات شهدتها العاصمة.", "ASSAULT"),
    # modality.QUESTION_WORDS: a polar question reports nothing
    ("فهل يعقل أن تقتل الشرطة المدنيين دون محاسبة؟", "ASSAULT"),
    ("وهل خرج المتظاهرون إلى الشوارع بدافع الجوع وحده؟", "PROTEST"),
    # modality: الى after a verb of calling makes even a verb-shaped word a verbal noun (تدعو إلى قتل)
    ("ورفع المحتجون لافتات تدعو إلى قتل الزعيم المعارض.", "ASSAULT"),
    # modality.coordinated: a verb joined by و shares the scope of the negated verb before it
    ("وقال المتحدث إن الصحافي لا يستحق أن يعتقل ويعذب بسبب مقال.", "ASSAULT"),
    # triggers._warning_shots: firing into the air attacks no one
    ("وأطلقت قوات الأمن النار في الهواء لتفريق المتجمهرين أمام المحكمة.", "ASSAULT"),
    # modality.PREDICATE_HEADS: a noun of violence as the predicate of a judgement classifies an act
    ("واعتبر رئيس الوزراء أن القرار يشكل اعتداء على سيادة البلاد.", "ASSAULT"),
    ("وقال إن ما جرى هو اعتداء على حرية التعبير.", "ASSAULT"),
    # modality.named_event: an event noun in construct with a place name names a known event
    ("وشبه المحلل الهجوم الأخير بتفجيرات مدريد.", "ASSAULT"),
    # triggers.select_triggers: a word of a person's full name (ياسر عرفات) is no verb (يأسر)
    ("وفرضت إسرائيل حصارا على مقر الرئيس الراحل ياسر عرفات في رام الله.", "ASSAULT"),
    # no past verb begins with إ: إصابتها is the noun, a wound only by a weapon; إيدن is no أيد
    ("أعلنت اللاعبة انسحابها من الدورة بعد إصابتها بإجهاد في عضلات ساقها.", "ASSAULT"),
    ("وتوفي الممثل بسبب مضاعفات ناتجة عن إصابته بسرطان الرئة.", "ASSAULT"),
    ("بينما أضاف زميله إيدن هازارد الهدف الثاني للفريق.", "SUPPORT"),
    # triggers._peaceful_dispersals: a dispersal that ends peacefully is no violent repression
    ("وفضت قوات الأمن الاعتصام دون عنف بعد مفاوضات مع المنظمين.", "ASSAULT"),
    ("لكن الشرطة فضت الاعتصام وانفض المحتجون سلميا.", "ASSAULT"),
    # triggers._other_gatherings: a crowd gathered to help or celebrate is no protest
    ("وتجمع آلاف المشجعين في الساحة الرئيسية للاحتفال بفوز المنتخب.", "PROTEST"),
    ("واحتشد المارة لمساعدة الجرحى بعد انفجار العبوة.", "PROTEST"),
    # modality: a verb-shaped word after a topic head (قضية خطف) is a verbal noun and a topic
    ("وتواصل الشرطة التحقيق في قضية خطف رجل أعمال من منزله في العاصمة.", "ASSAULT"),
    # pipeline._same_act: و + verbal noun + pronoun, or a purpose (للاحتجاج), shares the status of
    # the background or topic before it
    ("واعتقلت الشرطة عشرة ناشطين أثناء مظاهرة نظمتها المعارضة في وسط المدينة، للاحتجاج على غلاء الأسعار.",
     "PROTEST"),
    ("وكشفت مصادر أمنية أن التحقيق في خطف الصحافيين الثلاثة وقتلهم بات في مراحله الأخيرة.", "ASSAULT"),
    # triggers._course: مسيرة as a course or a career
    ("وأكد الوزير أن مسيرة السلام تمر بمرحلة صعبة.", "PROTEST"),
    ("وأنهى المغني مسيرته الفنية بحفل في القاهرة.", "PROTEST"),
    ("وشكل خروج اللاعب منعطفا في مسيرة المنتخب أمام اليابان.", "PROTEST"),
    ("وكان شاهدا على تحولات تاريخية مهمة في مسيرة الصحافة السعودية.", "PROTEST"),   # construct: a course
    # the present of "target" with no actor after it: an aim (frames.assign, verb-aim)
    ("وجاء ذلك بعد تفكيك خلية إرهابية تستهدف أمن البلاد.", "ASSAULT"),
    ("وقالت الوزارة إن البلاد تستهدف استيراد 28 مليون طن من النفط الخام.", "ASSAULT"),
    ("لكن المبلغ الأكبر من الغرامات سيكون من نصيب مصرف باش.", "ASSAULT"),          # نصيب "share", not "we hit"
    ("وقال إن البرنامج لهذا العام استقبل 100 طالب من جميع أنحاء المملكة.", "CONSULT"),   # students received
    # a sentence about a ball game (triggers._sports: كرة القدم، كرة المضرب)
    ("وأعلنت المصنفة الثانية عالميا في كرة المضرب انسحابها من دورة تورونتو.", "RETREAT"),
    ("ونفى نجم كرة القدم السعودية السابق ما تردد عن اعتزاله.", "REJECT"),
    # the comparative أبعد "farther" (triggers._comparative)
    ("وهذه الأفكار أبعد ما تكون عن واقع المجتمع.", "COERCE"),
    ("وقال إن الدول المحيطة بسوريا والأبعد منها مدعوة للمشاركة.", "COERCE"),
    # spelling "kasra": أبعاد "dimensions" is not إبعاد "expulsion"
    ("وتضم المدينة الترفيهية سينما ثلاثية الأبعاد ومطاعم.", "COERCE"),
    ("وأكد الوزير أن المملكة تدرك أبعاد مثل هذه الأعمال.", "COERCE"),
    ("وانتقد الكاتب إغفال الوثائق للأبعاد المجتمعية الأخرى.", "COERCE"),            # لل + أبعاد
    # declining comment (CAMEO 011) or to be named is no rejection (triggers._other_refusal)
    ("ورفضت الخارجية الألمانية أمس التعليق على الواقعة.", "REJECT"),
    ("ورفض الشاهد الكشف عن اسمه خوفا من الاعتقال.", "REJECT"),
    # a past habit or a circumstantial clause, any type (frames: verb-habitual)
    ("وكانت طهران ترفض الحديث عن خروج الأسد من السلطة.", "REJECT"),
    ("وأعرب عن فخره باستشهاد ابنه وهو يدافع عن تراب الوطن.", "SUPPORT"),
    # وعد = و + عدّ "considered" before a demonstrative object (triggers._considered)
    ("وعد الأمين العام في بيان له هذه الجريمة البشعة عملا إرهابيا.", "AGREE"),
    ("وعد المسؤول هذه الرسائل دليلا على انهيار الميليشيات.", "AGREE"),
    ("ويشمل البرنامج مسيرة الفرسان والخيول والإبل في السوق.", "PROTEST"),            # a parade
    # pipeline._enumerations: three or more coordinated verbal nouns of violence list kinds of crime
    ("ووجهت المحكمة للمتهمين تهما تتراوح بين جرائم ضد الإنسانية وقتل واغتصاب وتعذيب.", "ASSAULT"),
    ("وقال التقرير إن الأدلة تثبت وقوع حالات اغتصاب وتعذيب وقتل في الإقليم.", "ASSAULT"),
    # pipeline._rioting: violence by protesters named as its subject is their riot, not an assault
    ("وهاجم المتظاهرون محافظ المدينة خلال زيارته للسوق.", "ASSAULT"),
    # modality.PURPOSE_PREFIXES: ل + indefinite verbal noun of violence is a purpose or an intention
    ("وضبطت الشرطة متفجرات أعدتها الخلية لتفجير مقر البلدية.", "ASSAULT"),
    ("وأرسل التنظيم انتحاريين لاغتيال قائد الشرطة في المدينة.", "ASSAULT"),
    ("وتدرب أفراد الخلية في معسكرات سرية لتنفيذ هجمات ضد السفارات.", "ASSAULT"),     # لتنفيذ + noun
    ("واقتحم مسلحون المنزل بغية خطف رجل الأعمال.", "ASSAULT"),                       # a head of aim
    ("وقالت النقابة إن تكرار خطف الصحافيين الأجانب يهدد حرية الصحافة.", "ASSAULT"),   # recurrence
    # modality.TOPIC_HEADS, RELATING: the circumstances, manner or documents of an event are a topic
    ("ونشرت الصحيفة ملفا عن تاريخ اغتيالات العلماء في المنطقة.", "ASSAULT"),        # its history
    ("وطالبت العائلة بالكشف عن ملابسات خطف الصحافي في العاصمة.", "ASSAULT"),
    ("وتسلمت المحكمة وثائق جديدة متعلقة باغتيال رئيس الوزراء الأسبق.", "ASSAULT"),
    # modality.INTENT_HEADS: a decision or an intention names an act to come
    ("وقرر العمال تنظيم إضراب شامل الأسبوع المقبل.", "PROTEST"),
    ("ويعتزم الاتحاد العام للطلبة تسيير مظاهرة أمام البرلمان.", "PROTEST"),
    ("وقرر مسلحون قتل الرهائن.", "ASSAULT"),
    ("وطالب الادعاء العام بإجراء تحقيقات بشأن اختطاف مواطن ألماني في البلقان.", "ASSAULT"),
    ("وأدين ثلاثة شرطيين بتعذيب موقوف في مركز الشرطة.", "ASSAULT"),                # a conviction
    ("وقال الوزير إن الجماعة تريد القيام بأعمال مثل تفجير أنابيب النفط.", "ASSAULT"),   # an example
    ("واعترف المتهمون بأن فكرة تفجير السفارة راودتهم منذ أشهر.", "ASSAULT"),          # an idea
    # a call for doing an act (دعا … إلى تنظيم تظاهرات), its subject long (modality.DOING_NOUNS, CALL_REACH)
    ("ودعا عدد من مناصري النظام السابق إلى تنظيم تظاهرات أخرى.", "PROTEST"),
    # modality.THREAT_HEADS: the act a threat names with ب is to come
    ("وادعى تعرضه للتهديد بقتله وعائلته من قبل التنظيم.", "ASSAULT"),               # للتهديد: with لل
    ("وهددت الجماعة الخاطفة بقتل الرهائن الأجانب.", "ASSAULT"),
    ("واعتقلت الشرطة امرأة كانت على وشك تفجير حزام ناسف في سوق شعبي.", "ASSAULT"),  # على وشك
    # modality.CATEGORY_HEADS: plural heads of kind name a class of acts or a series
    ("وتحدثت المنظمة عن تزايد جرائم اغتصاب ارتكبها مسلحون في الإقليم.", "ASSAULT"),
    ("ونجا الوزير من محاولات اغتيال نفذتها جماعات متشددة.", "ASSAULT"),
    # modality.TRUCE_TOPIC_HEADS: the collapse, breach or terms of a truce make it the topic
    ("وأدى الانفجار إلى انهيار هدنة كانت سارية منذ عامين.", "RETREAT"),
    ("وأشار إلى اتفاق نزع الأسلحة الكيماوية الذي توسطت فيه موسكو.", "RETREAT"),
    # ل before an imperfect: a purpose (but after a comma, what followed: REPORTS)
    ("وجلبت الحكومة المليشيات من كل حدب وصوب لتقتل كل من يعارض سياستها.", "ASSAULT"),
    # modality.SUBJUNCTIVE_PARTICLES: أن or كي before an imperfect names a possible act
    ("وكان العهد بينه وبين التنظيم أن يغتال أي شخص يساعد الشرطة.", "ASSAULT"),
    ("ونحن نتظاهر من أجل أن تستجيب الحكومة لمطالب الشعب.", "CONCEDE"),
    ("وتحولت البيئة إلى بيئة جاهزة كي تختطف جماعات الإرهاب شبابنا.", "ASSAULT"),
    # modality.historical: an event noun dated by an earlier year is history recalled
    ("وأعاد الحادث إلى الأذهان تفجير السفارة الأميركية في نيروبي عام 1998.", "ASSAULT"),
    ("وقاد الرجل احتجاجات العمال ضد الخصخصة في صيف 1997.", "PROTEST"),
    # pipeline: a sentence that ends in a question mark asks, it reports nothing
    ("فلماذا يقتل الجنود المدنيين العزل في القرى؟", "ASSAULT"),
    ("أليس خروج الطلاب إلى الشوارع دليلا على فشل الحكومة؟", "PROTEST"),
    # modality.FEAR_HEADS: fear and warning name an event that may come
    ("وحذرت الشرطة من وقوع هجمات على الكنائس خلال الأعياد.", "ASSAULT"),
    ("وأبدى السكان مخاوف من اندلاع مظاهرات جديدة في المدينة.", "PROTEST"),
    ("وأغلقت المحلات أبوابها خشية من هجمات المسلحين.", "ASSAULT"),
    # modality.ACCUSE_HEADS: the act an accusation charges with ب is alleged
    ("واتهمت المنظمة قوات الأمن بتعذيب المعتقلين في السجون.", "ASSAULT"),
    ("ويتهم السكان الميليشيا باختطاف عشرات الشبان.", "ASSAULT"),
    # a two-letter companion is a word of its own (triggers.SHORT_TAILS; regression: it was matched
    # as the beginning of any word): حليف is no حل "solution", عند no عن, المعلومة no مع
    ("ويعتقد أن الدول الغربية توصلت إلى قناعة بأن إيران تمثل الحليف المثالي.", "AGREE"),
    ("وتراجع مؤشر البورصة الأردنية بنسبة 0.33 في المائة عند الإغلاق.", "CONCEDE"),
    ("ويبحث المواطن عن المعلومة في المواقع الرسمية.", "CONSULT"),
    # اعترض objects only with على: without it, it blocks, intercepts or (obstacles) faces
    ("وفوجئ بشاحنة تعترض طريقه ما أدى لاصطدامه بها.", "ACCUSE"),
    ("وأكد وجود عقبات وعراقيل تعترض سير المشاورات بين الطرفين.", "ACCUSE"),
    # بارك is a blessing asked of God, or Barack and Park (triggers.BLESS_NEXT, PARK_BEFORE)
    ("وبارك الله في جهودكم وجعلها في ميزان حسناتكم.", "SUPPORT"),
    ("وقال إن الرئيس الأميركي بارك أوباما يتطلع للقاء الملك.", "SUPPORT"),
    ("وقالت الرئاسة إن الرئيسة بارك أجلت زيارتها المخطط لها.", "SUPPORT"),
    # a surname as written is no verb with a proclitic (ليبرمان, not ل + يبرمان "they two conclude")
    ("وتحاول المعارضة إفشال صفقة نتنياهو وليبرمان في الكنيست.", "AGREE"),
    ("وتلجأ الطفلة للنوم في حضن والدتها.", "REQUEST"),
    ("ودعا سموه في اتصال هاتفي المولى عز وجل أن يتغمد الشهيد بواسع رحمته.", "REQUEST"),
    # a room or a facility named after an act (triggers.ROOM_HEADS), the comparative أبعد
    ("وكان السجن مركز الاعتقال الرئيسي لأعضاء حركة التمرد.", "COERCE"),
    ("وتلقت الهيئة بلاغا من مكتب تحقيقات حوادث الطيران البريطاني.", "ACCUSE"),    # a chain ending definite
    ("وكشف وزير الإدارة المحلية رئيس لجنة الإغاثة في الحكومة اليمنية عن خطة جديدة.", "AID"),  # a committee
    ("وعين المدير العام لمكتب التحقيقات ممثلا عن المكتب.", "ACCUSE"),              # with ل
    ("وأقيم الحفل بقاعة الاجتماعات الكبرى بمقر الرئاسة.", "CONSULT"),               # with ب
    ("وكان الرجل متشائما إلى أبعد الحدود.", "COERCE"),
    # "gives cause for" a feeling (triggers.FEELINGS); عريضة as the adjective "broad" (BROAD_HEADS)
    ("وقال إن استقرار الأسعار منذ مايو أمور تدعو إلى التفاؤل.", "REQUEST"),
    ("وأكد أن الموضوع يدعو للشك في نوايا الجماعة.", "REQUEST"),
    ("وتجذب القناة شريحة عريضة من الجمهور في المملكة.", "PROTEST"),
    ("واستعرض المصنع كاميرات بعدسات عريضة الزاوية.", "PROTEST"),
    # تعبئة as filling, as mobilizing money, and in the name of Egypt's statistics agency (FILLED)
    ("ولا توجد إلا ست محطات لتعبئة الغاز في الرياض.", "MOBILIZE"),
    ("وأظهر الجهاز المركزي للتعبئة العامة والإحصاء ارتفاع التحويلات.", "MOBILIZE"),
    ("وتشمل المجتمعات التنموية مصانع المواد الغذائية والتعبئة والتغليف.", "MOBILIZE"),   # packaging
    # استعداد as preparation or its extent, not an offer (triggers._preparation)
    ("وتكثف إدارة الدفاع المدني نشاطها خلال هذه الأيام استعداداً لاستقبال الحجاج.", "AGREE"),
    ("وأصيب عدد من العمال أثناء استعدادهم لاستقبال الوفد الزائر.", "AGREE"),
    ("وتقرر الإبقاء على حالة الاستعداد العسكري في المنطقة.", "AGREE"),
    # the noun "challenge" that normalization merges with تحدّى "defied" (triggers._challenge)
    ("وقال إن التحدي الأكبر يتمثل في تشغيل المستشفيات الجامعية.", "REJECT"),
    ("وصنف الوزير إيران وتنظيم داعش بأنهما تحديان مشتركان.", "REJECT"),
    # a website, a library or a museum visited is no actor
    ("ودعا رئيس الجمعية المبتعثين لزيارة موقع المؤتمر وتقديم أوراقهم.", "CONSULT"),
    # the wounded received or visited; لقاء "in exchange for" after a sum
    ("ووافقت الحكومة الأردنية على استقبال الجرحى اليمنيين للعلاج في مستشفياتها.", "CONSULT"),
    ("ورصدت الخارجية مكافأة قدرها 7 ملايين دولار لقاء أي معلومات عنه.", "CONSULT"),
    # a sports sentence by مبارياته (SPORTS_WORDS): its fixtures are no meetings
    ("ويخوض الفريق ثالث مبارياته الودية في هولندا حيث يلتقي نظيره الهولندي.", "CONSULT"),
    # a source who declines to be named; عارض as "symptom, incidental" (triggers._other_refusal)
    ("وقال مسؤول تركي رفض الكشف عن هويته إن الطائرات قصفت المواقع.", "REJECT"),
    ("وطمأن الجميع أنه لا يشكو من أي عارض صحي.", "REJECT"),
    ("وعلى المعنيين تحمل مسؤولية واجبهم في التأكد من سلامة الحجاج.", "ACCUSE"),
]

REPORTS = [
    ("وألقت الشرطة السويسرية القبض على مسؤولين في الاتحاد الدولي لكرة القدم.", "COERCE"),   # a federation
    ("وأعلنت السلطات الكويتية أمس إبعاد الصحفي الأجنبي من البلاد.", "COERCE"),      # إبعاد with إ stays
    ("وتمكنت شرطة محافظة جدة من ضبط أربعة أشخاص بينهم مقيم.", "COERCE"),          # ضبط a person: arrest
    ("وقال مسؤول إن طائرات التحالف تستهدف منذ الصباح مواقع الحوثيين في صعدة.", "ASSAULT"),
    ("ووعد وزير الإسكان بتسريع إعادة بناء المنازل المدمرة هذا الشهر.", "AGREE"),   # a promise stays
    ("وتوفي شرطي من محافظة أسيوط إثر إصابته بطلق ناري في الرقبة.", "ASSAULT"),   # إصابة by a weapon
    ("وأبدت الحكومة المصرية استعدادها لاستضافة المحادثات.", "AGREE"),              # an offer stays
    ("ووقع الهجوم فجر أمس قرب مركز للشرطة في الموصل.", "ASSAULT"),                  # verb of occurrence
    ("وقال الشهود إن الشرطة تدخلت عندما هاجم المسلحون المركز.", "ASSAULT"),          # when + perfect: dated
    ("تجددت المظاهرات في العاصمة أمس ضد الحكومة.", "PROTEST"),
    ("وقال مصدر أمني إن الهجوم وقع قرب السفارة.", "ASSAULT"),                        # occurrence after
    ("وتبنت الجماعة الهجوم الذي نفذه انتحاري قرب السفارة.", "ASSAULT"),               # its agent is told
    ("وشارك آلاف العمال في الإضراب الذي دعت إليه النقابات أمس.", "PROTEST"),          # taking part
    ("خرج مئات الطلاب أمس للاحتجاج على رفع الرسوم الجامعية.", "PROTEST"),            # لل + verbal noun
    ("انفجرت عبوة ناسفة في سوق شعبي ما أسفر عن مقتل ثلاثة مدنيين.", "ASSAULT"),      # أسفر عن: outcome
    ("وأقدم مسلحون على اغتيال مسؤول محلي في القرية.", "ASSAULT"),                   # أقدم على
    ("يتظاهر آلاف الطلاب أمام البرلمان منذ صباح اليوم.", "PROTEST"),                 # present, no habit
    ("ورفع المتظاهرون الذين تمسكوا بحق الاحتجاج لافتات تندد بالغلاء.", "PROTEST"),   # participants stay
    # protesters who act, at the site, pluperfect; violence undergone or reported
    ("ورشق المتظاهرون قوات الأمن بالحجارة قرب السفارة.", "PROTEST"),
    ("وأغلق المحتجون الطريق الرئيسي المؤدي إلى الميناء.", "PROTEST"),                # they act
    ("ودعا متظاهرون أمام مقر البرلمان إلى الإفراج عن المعتقلين.", "PROTEST"),         # at the site
    ("وكان متظاهرون قد أحرقوا مقر الحزب الحاكم يوم الأحد.", "PROTEST"),             # pluperfect
    ("وتعرض الصحافي للخطف على يد مسلحين مجهولين أمس.", "ASSAULT"),                 # undergone
    ("وقالت الشرطة إن هجوما استهدف دورية للجيش قرب الحدود أمس.", "ASSAULT"),         # a report
    ("وقال شهود إن دبابات الجيش أطلقت نيرانها على الحي السكني.", "ASSAULT"),         # أطلق نيرانها
    ("وأطلق مسلح النار على حشد في الهواء الطلق قرب الملعب.", "ASSAULT"),            # open air, a target
    # protesters counted in hundreds or thousands; خروج إلى الشوارع; a verb of gathering whose
    # subject is a participant noun stays the trigger (triggers._govern)
    ("وكان نحو عشرين ألف متظاهر قد ملأوا شوارع العاصمة قبل أسبوع.", "PROTEST"),
    ("وأثار خروج عشرات الآلاف إلى الشوارع قلق الحكومة.", "PROTEST"),
    ("تجمع آلاف المتظاهرين قرب مقر البرلمان ظهر أمس، تعبيرا عن احتجاجهم على قانون الضرائب.", "PROTEST"),
    ("وتجمع مئات الطلاب أمام الوزارة للمطالبة بصرف المنح.", "PROTEST"),             # a protest purpose
    ("وهاجم المتظاهرون محافظ المدينة خلال زيارته للسوق.", "PROTEST"),                # their riot
    ("واختطف مسلحون مهندسا أجنبيا وقتلوه قرب الحدود.", "ASSAULT"),                   # told, not a topic
    ("وقتل مسلحون ثلاثة مدنيين وجرحوا خمسة آخرين قرب الحدود.", "ASSAULT"),          # two verbs, no list
    ("وقالت مصادر طبية إن القوات قتلت المدنيين في مدينة مركة الساحلية أمس.", "ASSAULT"),  # a verb, told
    ("ونتج عن الحادث استشهاد رقيب أول وإصابة ثلاثة مجندين.", "ASSAULT"),           # استشهاد: killed
    ("ولقي أربعة مسلحين مصرعهم في اشتباكات مع قوات الأمن.", "ASSAULT"),
    ("وتضرر منزل في القرية إثر سقوط مقذوفات أطلقها المتمردون من الأراضي اليمنية.", "ASSAULT"),  # مقذوف: a shell
    ("ورفض البرلمان الاتفاق أمس بأغلبية ثلثي الأعضاء أو أكثر.", "REJECT"),            # أو not by the trigger
    ("وانطلقت مسيرة حاشدة في وسط العاصمة ضد الحكومة.", "PROTEST"),                  # a march
    ("وانطلقت مسيرة المحتجين من أمام الجامعة نحو البرلمان.", "PROTEST"),            # named by its marchers
    ("وقال المنظمون إن نحو خمسين متظاهرا اقتربوا في اليوم الثالث للمظاهرات المناهضة للقمة من السياج الأمني.",
     "PROTEST"),                                                                    # لل: "of", no purpose
    ("وتعرض موكب الوزير لهجوم بعبوة ناسفة قرب المطار أمس.", "ASSAULT"),             # ل after تعرض: undergone
    ("وتعرض الصحافي لاعتداءات متكررة خلال الأسبوع الماضي.", "ASSAULT"),
    ("وفي عام 1995 خطف مسلحون طائرة ركاب في الجزائر.", "ASSAULT"),                  # a verb narrates history
    ("وتسلل الرجل إلى داخل المبنى قبل أن يعتقله أحد الضباط.", "COERCE"),            # قبل أن: narrated
    ("تعقد الحكومة العراقية، اليوم الأحد، جلسة طارئة لبحث الإصلاحات.", "CONSULT"),   # a companion after an adjunct
    ("وأعلن الطرفان وقف إطلاق النار أمس.", "RETREAT"),                                 # a truce declared
    ("واندلعت اشتباكات عنيفة أسفرت عن مقتل عناصر من الجيش، لتنسحب قوات الجيش نحو المستودعات.", "RETREAT"),
    ("وقتل ثلاثة جنود في هجوم استهدف دوريتهم في 3 أبريل 2010 قرب الحدود.", "ASSAULT"),  # the text's year
    ("وقتل مسلحون ثلاثة جنود أمس وحذرت الشرطة السكان من الخروج.", "ASSAULT"),      # a warning after it
    ("وفرقت الشرطة المتظاهرين بالقوة أمام البرلمان.", "ASSAULT"),                  # a dispersal by force
    ("ونجا الوزير من محاولة اغتيال نفذها مسلحون أمس.", "ASSAULT"),                # one attempt: PLOVER ASSAULT
    ("وقرر المجلس بعد أن قتل مسلحون ثلاثة جنود فرض حظر التجول.", "ASSAULT"),        # not its object
    ("ووقعت تفجيرات الموصل فجر أمس قرب مركز للشرطة.", "ASSAULT"),                 # told by وقع
    ("ويشكل اغتيال العميد أمس الاعتداء الأخير في سلسلة من التفجيرات.", "ASSAULT"),  # VSO subject
    # a headline before the story's star tells its event in the imperfect
    ("مسلحون يخطفون مهندسا أجنبيا في دلتا النيجر * لاغوس ـ رويترز: أعلنت الشرطة أمس أن شيئا حدث.", "ASSAULT"),
    ("الشرطة تفرق المتظاهرين بالقوة في وسط العاصمة * أثينا ـ رويترز: قال شهود أمس إن الشرطة استخدمت الهراوات.",
     "ASSAULT"),
    ("ولا يزال مئات الطلاب يعتصمون أمام الوزارة.", "PROTEST"),                   # imperfect, going on
    ("ويعتصم مئات العمال حاليا أمام مقر الشركة.", "PROTEST"),
]


@pytest.mark.parametrize("text,etype", MENTIONS)
def test_background_and_back_reference_are_no_events(nlp, text, etype):
    assert not _asserts(nlp, text, etype)


@pytest.mark.parametrize("text,etype", REPORTS)
def test_reports_stay(nlp, text, etype):
    assert _asserts(nlp, text, etype)


def test_other_types_keep_temporal_heads_and_relatives(nlp):
    # the background heads added for violence and protest leave other types alone
    recs = nlp.code("وأكد الرئيس خلال لقائه الوزير أن الدول التي ترفض الاتفاق قليلة.", date="2010-05-01")
    assert any(r["event_type"] == "CONSULT" for r in recs)


def test_agent_after_a_quantifier(nlp):
    recs = nlp.code("وقالت المنظمة إن ناشطا تعرض للضرب من قبل عدة جنود عند الحاجز.", date="2010-05-01")
    ev = next(r for r in recs if r["event_type"] == "ASSAULT")
    assert (ev["source"] or {}).get("sector") == "MIL" and (ev["target"] or {}).get("sector") == "CVL"


@pytest.mark.parametrize("text,source", [
    ("وهاجم رئيس الوزراء الإسرائيلي الدور الأوروبي في تشجيع الاتفاق النووي مع إيران.", "ISRGOV"),
    ("شن رئيس جنوب السودان سلفاكير ميارديت هجوما شديدا على الرئيس الأميركي باراك أوباما بسبب تصريحاته.",
     "SSDGOV"),
])
def test_an_official_attacking_in_words_criticises(nlp, text, source):
    # frames.verbal_attack: no weapon, no casualty, an official's attack on a person or a policy
    recs = nlp.code(text, date="2015-08-01")
    assert any(r["event_type"] == "ACCUSE" and (r["source"] or {}).get("code") == source for r in recs), recs
    assert not any(r["event_type"] == "ASSAULT" for r in recs)


def test_an_attack_with_weapons_stays_violence(nlp):
    recs = nlp.code("وهاجمت الطائرات الإسرائيلية مواقع في غزة بالصواريخ.", date="2015-08-01")
    assert any(r["event_type"] == "ASSAULT" for r in recs)


def test_verbal_attack_is_criticism(nlp):
    # شن هجوما لاذعا على: a biting attack is criticism (ACCUSE); the light verb yields to the fixed noun
    recs = nlp.code("وشن وزير الخارجية هجوما لاذعا على المعارضة في مؤتمر صحفي.", date="2010-05-01")
    types = {r["event_type"] for r in recs}
    assert "ACCUSE" in types and "ASSAULT" not in types


def test_counted_noun_is_no_verb(nlp):
    # triggers.NUMERAL_WORDS: after a cardinal, طالب is "student", not "demanded"
    for text in ("واعتصم مائة طالب أمام وزارة التعليم أمس احتجاجا على عدم الإفراج عن زملائهم.",
                 "وقال المتحدث إن 300 طالب وقعوا على عريضة تدعو إلى الإفراج عن المعتقلين."):
        recs = nlp.code(text, date="2010-05-01")
        assert not any(r["event_type"] == "REQUEST" and expresses(r, "طالب") for r in recs)
    assert _asserts(nlp, "واعتصم مائة طالب أمام وزارة التعليم أمس احتجاجا على عدم الإفراج عن زملائهم.", "PROTEST")
    assert _asserts(nlp, "وطالب مائة نائب الحكومة بالإفراج عن المعتقلين.", "REQUEST")


# Other senses, one rule each: (sentence, type, whether it asserts that type). Each rule's reading
# and one sentence of the sense it keeps.
SENSES = [
    # triggers._kind_welcome: thanks for a kind welcome report no meeting
    ("وشكر الوفد الوزير على حسن الاستقبال وكرم الضيافة.", "CONSULT", False),
    # triggers.AIM_SUBJECTS: a phase of a programme or a shop aims at people, it attacks no one
    ("واستهدفت المرحلة الأولى من البرنامج 13 منطقة.", "ASSAULT", False),
    ("ويستهدف متجر آبل أكثر من مليار زائر سنويا.", "ASSAULT", False),
    ("واستهدف مسلحون متجرا في السوق الشعبي.", "ASSAULT", True),
    # triggers.PUBLIC_GUESTS, RECEIVED_THINGS, ROOM_HEADS: pilgrims' caravans and planes received, a
    # detention facility
    ("وأوضح الوزير أن المملكة تستقبل الأسبوع القادم أول فوج من قوافل الحجاج.", "CONSULT", False),
    ("وأصبح مطار عدن جاهزا لاستقبال الطائرات الإغاثية.", "CONSULT", False),
    ("وتبذل الإدارة جهودا لإغلاق منشأة الاعتقال في القاعدة.", "COERCE", False),
    # triggers._sparked, _sweet: a storm or a crisis sparked, a student sweet of speech
    ("لم يقرأها زملاء المهنة إلا بعد أن فجروا الزوبعة.", "ASSAULT", False),
    ("وتفجرت الخلافات بين الحزبين أمس.", "ASSAULT", False),
    # regression: the ف of فضيحة was taken for a conjunction, and the scandal stayed a bombing
    ("وعبروا عن رفضهم لأداء الحكومة في ظل ارتفاع التضخم وتفجر فضيحة الفساد في شركة النفط.", "ASSAULT", False),
    ("عبدان طالب صومالي متفوق عذب الحديث يعيش لاجئا في كينيا.", "ASSAULT", False),
    ("وفجروا سيارة مفخخة قرب مقر الشرطة في بغداد أمس.", "ASSAULT", True),
    ("وعذب الحراس السجناء في السجن.", "ASSAULT", True),
    # triggers._hands, _club_colours: أيدٍ مصرية are hands; دافع عن ألوان a club is playing for it
    ("وأنجزت القناة بأموال مصرية وأيد مصرية وخبرات مصرية.", "SUPPORT", False),
    ("وكان توران قد دافع عن ألوان أتلتيكو مدريد لأربعة مواسم.", "SUPPORT", False),
    ("وأيد حزب الخضر لفترة طويلة تحرير تعاطي الماريجوانا.", "SUPPORT", True),
    # triggers._festival, _course: a Maghrebi تظاهرة is a festival; a life's course is no march
    ("وناقش المجلس فعاليات الدورة المقبلة من تظاهرة أيام قرطاج السينمائية.", "PROTEST", False),
    ("يأخذك الكاتب معه في مسيرة حياته العملية وتكوينه الفكري.", "PROTEST", False),
    ("وخرجت تظاهرة حاشدة في تونس ضد الحكومة.", "PROTEST", True),
    # triggers.SUNSTROKES, AIM_OBJECTS: sunstroke is no blow; a firm's customers are its aim
    ("وأصيب عدد من الحجاج بالإعياء إثر تعرضهم لضربات الشمس.", "ASSAULT", False),
    ("ويعتقد أن الشركة أقدمت على هذه الخطوة لتستهدف مستخدمي الأجهزة الذكية.", "ASSAULT", False),
    ("وقتل مسلحون ثلاثة جنود قبل غروب الشمس أمس.", "ASSAULT", True),
    # triggers._usurped, _raised, FIELD_HEADS: power usurped, a level raised, a field of progress
    ("وقال إن المتمردين اغتصبوا السلطة في صنعاء.", "ASSAULT", False),
    ("ورفعت البلدية مستوى الإصحاح البيئي من خلال تكثيف الرقابة.", "CONCEDE", False),
    ("وجاءت المفاوضات بعد تقارير عن تقدم إيران في مجال السلاح النووي.", "AID", False),
    ("ورفعت الحكومة القيود عن السفر إلى المدينة.", "CONCEDE", True),
    # triggers._sociology, _ministry: علم الاجتماع is a science; وزارته "his ministry" is no visit
    ("وقال أستاذ علم الاجتماع في جامعة أم القرى إن الظاهرة خطيرة.", "CONSULT", False),
    ("وأكد الوزير أن وزارته تعمل على رسم خطة متكاملة.", "CONSULT", False),
    ("وعقد مجلس الوزراء اجتماعه الأسبوعي أمس برئاسة الملك.", "CONSULT", True),
    # triggers.SNATCHED: a win, a place or a life snatched; people are kidnapped
    ("وكان الفريق قريبا من خطف الفوز مستغلا النقص العددي في صفوف منافسه.", "ASSAULT", False),
    ("ونجح المهاجم السوري في خطف مكانة أساسية في الفريق.", "ASSAULT", False),
    ("وخطف مسلحون ثلاثة صحفيين قرب الحدود أمس.", "ASSAULT", True),
    # triggers.PUBLIC_HOSTS: places and services that take in patients, planes and applications
    ("واستقبل مستشفى المدينة العام أمس ثلاث حالات من المصابين في حادث مروري.", "CONSULT", False),
    ("وقال مدير المستشفى إن المستشفى استقبل خلال الشهر الماضي جثامين تسعة مدنيين.", "CONSULT", False),
    ("تستقبل غرفة التجارة طلبات الشركات الراغبة في المشاركة بالمعرض.", "CONSULT", False),
    ("واستقبل مطار عدن الدولي أمس أول طائرة تجارية منذ أشهر.", "CONSULT", False),
    ("واستقبل أمير المنطقة في مكتبه أمس مدير المستشفى العام.", "CONSULT", True),
    # triggers._morsel: لقمة العيش is "a living", not ل + قمة
    ("وكان الرجل يعمل في مزرعته لتأمين لقمة عيشه وأفراد أسرته.", "CONSULT", False),
    ("وتوجه الرئيس المصري إلى الرياض لقمة خليجية مع الملك سلمان.", "CONSULT", True),
    # triggers.SPORTS_WORDS: football clubs
    ("وتستكمل المرحلة الأحد فيلتقي أرسنال مع وست هام يونايتد.", "CONSULT", False),
    ("وكان ليفربول قد أشار إلى تخليه عن مهاجمه لمصلحة نادي آخر.", "CONCEDE", False),
    # triggers._afflicts: أصاب/يصيب is an attack only among words of violence
    ("والكزاز مرض يصيب العضلات ويسبب لها تقلصات.", "ASSAULT", False),
    ("وقال الشاعر وقد أصاب كبد الحقيقة إن الذكر الطيب يبقى.", "ASSAULT", False),
    ("وأقر الرئيس بأن جيشه أصابه التعب.", "ASSAULT", False),
    ("وقتل المسلح خمسة جنود وأصاب متطوعا قبل أن تقتله الشرطة.", "ASSAULT", True),
    ("وقال مصدر طبي إن شظايا القصف أصابت بعض المتجمهرين قرب السوق.", "ASSAULT", True),
    # triggers.NATURAL_CAUSES: what an animal does
    ("وصارع راكب أمواج سمكة قرش بعدما هاجمته صباح أمس قبالة الساحل الشرقي لأستراليا.", "ASSAULT", False),
    ("وهاجم قرد أحد المنتزهات الترفيهية بمدينة عرعر ليصيب شخصين.", "ASSAULT", False),
    # triggers._anonymity: a source asking not to be named
    ("وقال المسؤول الذي طلب عدم ذكر اسمه إن القرارات صعبة.", "REQUEST", False),
    ("وطلب المسؤول من الحكومة عدم رفع الأسعار.", "REQUEST", True),
    # events.tsv: مطالب "the demands" is a topic; the participle مطالبا is a demand
    ("ويعقد مجلس الوزراء اليوم اجتماعا استثنائيا للنظر في مطالب المتظاهرين.", "REQUEST", False),
    ("وأصدر الحزب بيانا أمس مطالبا الحكومة بالإفراج عن المعتقلين.", "REQUEST", True),
    # spelling "taa": مصادره and مظاهره written with ه are "its sources", "its manifestations"
    ("وأكد أن مواجهة الإرهاب تكون بتجفيف مصادره ماليا.", "COERCE", False),
    ("ودعا إلى مكافحة الفساد بشتى صوره ومظاهره.", "PROTEST", False),
    ("وقامت البلدية أمس بمصادرة المواد المنتهية الصلاحية.", "COERCE", True),
    ("وخرجت مظاهرة حاشدة أمس في وسط العاصمة ضد الحكومة.", "PROTEST", True),
    # triggers._distance (قطع شوطا، طرق الإمداد) and MARKET_NEXT (الطلب سيزيد)
    ("وقد تكون القوى الغربية وصلت إلى قناعة أن إيران قطعت شوطا طويلا في طريقها نحو النادي النووي.", "PROTEST",
     False),
    ("وقال المصدر إن المقاومة قطعت طرق إمداد الحوثيين بين لحج وتعز.", "PROTEST", False),
    ("وقال المحللون إن الطلب سيزيد عما كان عليه في النصف الأول من العام.", "REQUEST", False),
    ("وقطع المحتجون الطريق الرئيسي المؤدي إلى الميناء أمس.", "PROTEST", True),
    # triggers._relief and _preaching: prayers and preaching
    ("وجاءت الشكوك إثر خطاب صوتي دعا في آخره الله تعالى أن يفرج كرب الأخ المجاهد محسن الفضلي.", "RETREAT", False),
    ("وقيض الله رجالا يدعون إلى الله على بصيرة وينيرون الطريق.", "REQUEST", False),
    # events.tsv: ثمنا is "a price"
    ("وقد دفع رجال الأمن خلال مسيرتهم الطويلة ثمنا باهظا.", "SUPPORT", False),
    ("وثمنت الحكومة اليمنية جهود المملكة في دعم الشرعية.", "SUPPORT", True),
    # triggers._no_threat_made: a threat needs ب + the act or an addressee
    ("وقال إن الاتفاق يهدد الأمن العالمي وأمن المنطقة.", "THREATEN", False),
    ("وأقر الرئيس بوجود تهديد إرهابي في البلاد.", "THREATEN", False),
    ("وقال إن الاتفاق يشكل تهديدا خطيرا لإسرائيل.", "THREATEN", False),
    ("وهدد وزير الخارجية الإيراني، باللجوء إلى مجلس الأمن.", "THREATEN", True),   # ب after the subject
    ("وهددت الحكومة بمقاضاة كل من نشر الصور.", "THREATEN", True),
    ("وهددهم المسلح بمسدس قبل أن يفر.", "THREATEN", True),                          # threatened someone
    # events.tsv: شكرا "thanks!" is an interjection, not the dual "the two thanked"
    ("ورفع المواطنون لوحات كتب عليها «شكرا معالي الوزير على جهودكم».", "SUPPORT", False),
    ("وشكر الرئيس اليمني المملكة على دعمها.", "SUPPORT", True),
    # triggers._succession: مع تعاقب "with the succession of", not "she punishes"
    ("ومع تعاقب الحكومات في العراق تراجعت الخدمات.", "SANCTION", False),
    ("وتعاقب المحكمة المتهمين بالسجن عشر سنوات.", "SANCTION", True),
    # triggers._presented: brought to trial, no aid (the arms of the charge stand further on)
    ("وقال مصدر إن النيابة العامة قدمتهم للمحاكمة بتهم الانضمام لجماعة إرهابية وحيازة أسلحة.", "AID", False),
    ("وقدمت المملكة مساعدات عاجلة للشعب اليمني.", "AID", True),
    # modality.ANCIENT_BEFORE: dated before 1900 (not a Hijri year, not a count)
    ("واستطاعت بابل أن تدمر مدينة نينوى في العام 612 قبل الميلاد.", "ASSAULT", False),
    ("ويروي الكاتب أن الرحالة زار جنيف عام 1867 والتقى حاكمها.", "CONSULT", False),
    ("وطالب الموظفون بصرف البدلات قبل نهاية عام 1436 مما يتطلب إعادة رفعها.", "REQUEST", True),
    ("وقتل 1592 شخصا في أعمال العنف منذ يناير.", "ASSAULT", True),
    # triggers._things_gather: vehicles, clouds and water gather, crowds protest
    ("وشهد المعبر زحمة سير خانقة، حيث تجمعت مئات السيارات والشاحنات عند الجانب اللبناني.", "PROTEST", False),
    ("وتتجمع السحب الكثيفة فوق المرتفعات الغربية.", "PROTEST", False),
    ("وتجمع مئات المتظاهرين أمام مقر المحافظة.", "PROTEST", True),
    # triggers._sports_sense: spectators gather and chant at a game; a protest there is named
    ("وخسر المنتخب المباراة في حضور 37 ألف متفرج تجمعوا في الاستاد.", "PROTEST", False),
    ("وهتف المشجعون للاعبين طوال المباراة.", "PROTEST", False),
    ("وتظاهر المشجعون أمام الملعب احتجاجا على إقالة المدرب.", "PROTEST", True),
    # triggers._sweet, _figurative_blast, _hurt_feelings: a sweet voice, factors of a crisis, hurt pride
    ("وكانت تعزف على البيانو وتغني غناء عذبا.", "ASSAULT", False),
    ("ويجمع الوضع في القوقاز عوامل تفجير إضافية منها النفط.", "ASSAULT", False),
    ("وزاد الحصار من أعباء حياته، بالإضافة إلى جرح كرامته.", "ASSAULT", False),
    ("وجرح الجنود ثلاثة فلسطينيين قرب الحاجز.", "ASSAULT", True),
    ("وعذب السجانون المعتقلين في السجن.", "ASSAULT", True),
    # triggers._open_heart: بصدر رحب "with an open heart"
    ("وأجاب الوزير عن أسئلتنا بصدر رحب.", "SUPPORT", False),
    ("ورحب الوزير بالقرار الأممي.", "SUPPORT", True),
    # modality.AVOID_FORMS: what is avoided does not happen
    ("واتفق الطرفان على آلية لتجنب وقوع اشتباكات بين قواتهما.", "ASSAULT", False),
    ("وتجنب الوزير لقاء السفير الإيراني أمس.", "CONSULT", False),
    ("والتقى الوزير السفير الإيراني أمس.", "CONSULT", True),
    # triggers.AIM_OBJECTS: a season aimed at
    ("وأوضح المدير أن الشركة استهدفت فصل الصيف للبدء في التشغيل التجريبي.", "ASSAULT", False),
    # triggers._citing: استشهد برأي "cited an opinion"
    ("وهنا استشهد الكاتب برأي أحد الخبراء في التحكيم.", "ASSAULT", False),
    # triggers.TANWEEN: no verb takes tanween (عدواً "an enemy", not وعدوا "they promised")
    ("وأصبح الوزير خصماً وعدواً للمعارضة.", "AGREE", False),
    ("وعدوا السكان بإعادة بناء المنازل.", "AGREE", True),
    ("قتلت جماعة بوكو حرام قبل أيام ذبحاً عشرة من الصيادين.", "ASSAULT", True),
    # spelling "verb": a preposition or the article makes وعد the noun "promise"
    ("وأوفى الرئيس بوعده للناخبين.", "AGREE", False),
    ("وأضاف الرئيس إليها كوعد انتخابي تحسين الخدمات.", "AGREE", False),
    ("ووعد الوزير بتحسين الخدمات في القرية.", "AGREE", True),
    # spelling "bare": وعده is "his promise" (كرر وعده), not "promised him"
    ("وكرر الرئيس وعده الواهم بالنصر.", "AGREE", False),
    # spelling "single": وعدّ is و + عدّ "considered"
    ("وعدّ الأمين العام للجامعة العربية الهجوم عملا إرهابيا.", "AGREE", False),
    # triggers._considered: the object after a comma that closes the subject's words, not a time
    ("وعد الأمين العام في بيان له أمس، هذه الجريمة البشعة عملا إرهابيا.", "AGREE", False),
    ("ووعد الوزير، هذه المرة، بتحسين الخدمات.", "AGREE", True),
    # triggers._fire_contained: firefighters control a fire, they seize no building
    ("وسيطرت فرق الدفاع المدني أمس على حريق مبنى الدوائر الحكومية.", "COERCE", False),
    ("وسيطرت القوات العراقية على مبنى المحافظة بعد اشتباكات.", "COERCE", True),
    # triggers._took_place: فجرت في مكتب is ف + جرت "took place"; فجر أمس is "dawn yesterday"
    ("أما حالة الزواج الأخرى عبر الإنترنت فجرت في مكتب هيئة محلية.", "ASSAULT", False),
    ("واعتقلت قوات الاحتلال فجر أمس شابا فلسطينيا في الخليل.", "ASSAULT", False),
    ("وقال قائد الشرطة إن انتحاريا فجر نفسه في وسط مجموعة من طلاب أكاديمية الشرطة.", "ASSAULT", True),
    # triggers._self_torment, _infringement: tormenting oneself, infringing on affairs
    ("وتعذب نفسها من أجل موسيقاها.", "ASSAULT", False),
    ("وقال إن القرار يشكل اعتداء على شؤونها الداخلية.", "ASSAULT", False),
    ("واعتدى مستوطنون على مزارعين فلسطينيين قرب نابلس.", "ASSAULT", True),
    # triggers._street_walk: a walk in the street is no taking to the streets
    ("وكان الرئيس يخرج كل صباح إلى الحمام ويخرج في المساء ليمشي لوقت في الشارع.", "PROTEST", False),
    ("وخرج الآلاف إلى الشارع احتجاجا على القرار.", "PROTEST", True),
    ("وخرج الآلاف إلى الشوارع في القاهرة أمس.", "PROTEST", True),
    # spelling "hamza" of تأمر: تامر is the name Tamer
    ("ومن المقرر أن يعود تامر إلى القاهرة بعد تصوير الحلقات.", "REQUEST", False),
    ("وأمرت المحكمة بالإفراج عن المتهمين.", "REQUEST", True),
    # a masdar spelt as a verb form keeps its event (بتلقي "by receiving")
    ("وكشف مصدر مسؤول بتلقي الاتحاد السعودي اتصالا من الاتحاد الكويتي.", "CONSULT", True),
]


@pytest.mark.parametrize("text,etype,expected", SENSES)
def test_other_senses(nlp, text, etype, expected):
    assert _asserts(nlp, text, etype) is expected


def test_a_decision_to_cooperate_is_planned_and_one_to_attack_irrealis(nlp):
    """modality: INTENT_HEADS make cooperation future (an intention, AGREE) and violence hypothetical."""
    recs = nlp.code("وقرر الاتحاد الأوروبي فرض العقوبات الاقتصادية على روسيا اعتبارا من الشهر المقبل.", date="2015-07-01")
    sanction = next(r for r in recs if r["event_type"] == "SANCTION")
    assert sanction["future"] and not sanction["hypothetical"]
    assert not _asserts(nlp, "وقرر المسلحون قتل الرهائن إذا لم تدفع الفدية.", "ASSAULT")


def test_accusative_air_strike_has_no_subject_across_a_complementizer(nlp):
    """events.tsv قصفا (N): an aerial bombing in the accusative is 195; the addressee of the report
    (أبلغت المصادر «الشرق الأوسط» بأن) is neither its agent nor the speaker."""
    text = "وأبلغت المصادر «الشرق الأوسط» بأن قصفا جويا طال أحياء سكنية مما أسفر عن مقتل 46 مدنيا."
    [r] = [r for r in nlp.code(text, date="2015-08-01") if r["event_type"] == "ASSAULT"]
    assert r["cameo"] == "195" and r["source"] is None and r["attributed_to"] is None
    assert r["target"]["sector"] == "CVL"


@pytest.mark.parametrize("text,speaker", [
    ("قال الشهود إن الطائرات قصفت مواقع الحوثيين.", None),            # what follows إن was said
    ("وقال أمس المتحدث باسم الجيش إن الطائرات قصفت مواقع الحوثيين.", "المتحدث باسم الجيش"),
    ("وقالت الشرطة إن مسلحين قتلوا ثلاثة جنود.", "الشرطة"),
])
def test_speaker_is_before_the_complementizer(nlp, text, speaker):
    [r] = [r for r in nlp.code(text, date="2015-08-01") if r["event_type"] == "ASSAULT"]
    assert (r["attributed_to"]["text"] if r["attributed_to"] else None) == speaker
