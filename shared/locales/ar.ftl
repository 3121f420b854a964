# فهرس الرسائل: العربية الفصحى. الرسائل والمتغيرات نفسها الموجودة في en.ftl.

## التواريخ، بصيغ strftime (أسماء الأشهر والأيام تأتي من اللغة المحلية).
# موعد انتهاء صلاحية الدعوة، في رسائل البريد الإلكتروني وعلى الورقة المطبوعة.
date-time = %-d %B %Y، الساعة %H:%M UTC
# الموعد نفسه، مختصرًا وبالأرقام فقط (لتبقى الرسالة النصية قصيرة).
date-time-short = %d/%m %H:%M UTC

## الأدوار، كما تُقرأ بعد «بصفة» في الدعوة.
role-admin = مشرف
role-manager = مدير
role-team_leader = قائد فريق
role-agent = وكيل
role-user = مستخدم

## رسالة الدعوة بالبريد الإلكتروني.
invitation-subject = دعوة من { $inviter } للانضمام إلى { $tenant }
invitation-heading = دعوة للانضمام إلى { $tenant }
invitation-greeting = مرحبًا { $name }،
invitation-greeting-anonymous = مرحبًا،
invitation-lead = لديك دعوة من { $inviter } للانضمام إلى { $tenant } بصفة { $role }.
invitation-lead-no-role = لديك دعوة من { $inviter } للانضمام إلى { $tenant }.
invitation-button = قبول الدعوة
expires-in-hours =
    { $hours ->
        [zero] خلال أقل من ساعة
        [one] خلال ساعة واحدة
        [two] خلال ساعتين
        [few] خلال { $hours } ساعات
        [many] خلال { $hours } ساعة
       *[other] خلال { $hours } ساعة
    }
invitation-expiry = هذا الرابط شخصي ولا يعمل إلا مرة واحدة. تنتهي صلاحيته { $relative }، في { $expires }. إذا انتهت صلاحيته، فاطلب من { $inviter } إرسال دعوة جديدة إليك.
invitation-ignore = إذا لم تكن تتوقع هذه الدعوة، فيمكنك تجاهل هذه الرسالة.

## الدعوة برسالة نصية (SMS): اجعلها قصيرة وبسيطة.
sms-invitation = دعوة للانضمام إلى { $tenant }. اقبلها قبل { $expires }: { $link }
sms-sign-in-code = رمز تسجيل الدخول: { $code }. صالح لمدة 10 دقائق. لا تشاركه مع أحد.
sms-sign-up-code = رمز التسجيل: { $code }. صالح لمدة 10 دقائق. لا تشاركه مع أحد.

## الدعوة المطبوعة.
print-title = دعوتك للانضمام إلى { $tenant }
print-heading = مرحبًا بك في { $tenant }
print-lead = { $name }، لديك دعوة من { $inviter } للانضمام إلى { $tenant }.
print-lead-anonymous = لديك دعوة من { $inviter } للانضمام إلى { $tenant }.
print-qr-label = رمز QR لدعوتك للانضمام إلى { $tenant }
print-step-camera = افتح الكاميرا في هاتفك ووجّهها نحو الرمز.
print-step-tap = اضغط على الرابط الذي يظهر.
print-step-password = اختر كلمة المرور، وبهذا تكون قد انضممت.
print-personal = هذه الدعوة شخصية: لا تشاركها مع أحد. لا تعمل إلا مرة واحدة وتنتهي صلاحيتها في { $expires }.
print-hint = اطبع هذه الصفحة وسلّمها إلى الشخص المدعو.

## رسائل البريد الإلكتروني الخاصة بحساب الشخص نفسه.
account-footer = إذا لم تطلب ذلك، فيمكنك تجاهل هذه الرسالة: لن يتغير شيء ما لم يُستخدم الرابط أو الرمز.
reset-subject = إعادة تعيين كلمة المرور
reset-lead = طلب أحدهم (نأمل أن تكون أنت) إعادة تعيين كلمة مرور حسابك.
reset-action = اختيار كلمة مرور جديدة
reset-note = لا يعمل هذا الرابط إلا مرة واحدة، وتنتهي صلاحيته خلال ساعة واحدة. واستخدامه يُسجّل خروجك من جميع الأماكن الأخرى.
sign-in-code-subject = رمز تسجيل الدخول
sign-in-code-lead = استخدم هذا الرمز لتسجيل الدخول. لا تشاركه مع أي شخص.
sign-in-code-note = لا يعمل إلا مرة واحدة، وتنتهي صلاحيته خلال 10 دقائق.

## الرسالة إلى صاحب الدعوة عندما يطلب المدعو دعوة جديدة.
renewal-subject = { $name }: طلب دعوة جديدة للانضمام إلى { $tenant }
renewal-lead = انتهت صلاحية الدعوة التي أرسلتها إلى { $name } ({ $address }) قبل استخدامها، وقد طُلبت دعوة جديدة.
renewal-lead-no-address = انتهت صلاحية الدعوة التي أرسلتها إلى { $name } قبل استخدامها، وقد طُلبت دعوة جديدة.
renewal-action = إعادة الدعوة من وحدة التحكم
renewal-note = لن يُرسَل أي شيء حتى يُعيد أحدٌ إرسال الدعوة.
renewal-footer = تصلك هذه الرسالة لأنك أرسلت هذه الدعوة.

## نصوص مشتركة بين الصفحات.
page-network-error = تعذّر الوصول إلى الخدمة.
page-password-hint = من 12 إلى 128 حرفًا. بضع كلمات لا رابط بينها تصنع كلمة مرور قوية.
page-weak-password = يُرجى اختيار كلمة مرور أقوى.
page-fill-in = يُرجى ملء هذا الحقل.
page-forgot-password = هل نسيت كلمة المرور؟
page-sign-in = تسجيل الدخول

## صفحة قبول الدعوة.
page-accept-title = قبول دعوتك
page-accept-checking = جارٍ التحقق من دعوتك…
page-accept-heading = الانضمام إلى { $tenant }
page-accept-invited = دعوة من { $inviter } إلى { $email } بصفة { $role }.
page-accept-expires = لا تعمل هذه الدعوة إلا مرة واحدة، وتنتهي صلاحيتها { $expires }.
page-accept-existing = لديك ملف شخصي لدينا بالفعل: سجّل الدخول بكلمة مرورك الحالية للانضمام.
page-accept-first-name = الاسم الأول
page-accept-last-name = اسم العائلة
page-accept-choose-password = اختر كلمة مرور
page-accept-existing-password = كلمة مرورك الحالية
page-accept-button = قبول الدعوة
page-accept-done-heading = تم انضمامك
page-accept-done = مرحبًا بك في { $tenant }. حسابك جاهز: من الآن فصاعدًا، سجّل الدخول باستخدام { $email } وكلمة مرورك.
page-accept-expired-heading = انتهت صلاحية هذه الدعوة
page-accept-expired = تعمل روابط الدعوة لمدة محدودة. اطلب من الشخص الذي دعاك إرسال رابط جديد.
page-accept-renew-automatic = يمكنك الحصول على رابط جديد يُرسَل إلى حيث أُرسل هذا الرابط.
page-accept-renew-approval = يمكنك أن تطلب دعوة جديدة من الشخص الذي دعاك.
page-accept-renew-button = طلب دعوة جديدة
page-accept-renewed-automatic = دعوة جديدة في طريقها إليك: افتح الرابط الموجود فيها.
page-accept-renewed-approval = تم إرسال طلبك. ستصلك دعوة جديدة بعد الموافقة عليه.
page-accept-renew-limited = لقد طلبت ذلك قبل أقل من ساعة: تحقّق من بريدك الوارد، أو حاول مرة أخرى لاحقًا.
page-accept-renew-off = لا تجدّد هذه المؤسسة الدعوات: تواصل مع الشخص الذي دعاك.
page-accept-used-heading = سبق استخدام هذه الدعوة
page-accept-used = إذا كنت أنت من استخدمها، فيمكنك { $signin } ببريدك الإلكتروني وكلمة المرور، أو برمز يُرسَل إليك. وإلا فاطلب دعوة جديدة.
page-accept-sign-in-link = تسجيل الدخول
page-accept-invalid-heading = هذا الرابط غير صالح
page-accept-invalid = ربما استُبدل بدعوة أحدث، أو سُحب، أو نُسخ بشكل غير كامل. استخدم أحدث دعوة وصلتك، أو اطلب دعوة جديدة.
page-accept-proof-heading = تأكيد هويتك
page-accept-proof = هذا العنوان مرتبط بحساب بالفعل، وقد سُلّم إليك هذا الرابط يدويًا بدلًا من إرساله إليك، لذا لا يمكن استخدامه لتسجيل الدخول إلى ذلك الحساب. اطلب من الشخص الذي دعاك إرسال الدعوة إلى بريدك الإلكتروني أو هاتفك، أو يمكنك { $signin } بكلمة مرورك أو برمز يُرسَل إليك.
page-accept-error-heading = حدث خطأ ما
page-accept-error = تعذّر علينا التحقق من دعوتك الآن. يُرجى المحاولة مرة أخرى بعد دقيقة.
page-accept-wrong-password = كلمة المرور هذه غير صحيحة لملفك الشخصي الحالي.
page-accept-too-many = محاولات كثيرة بكلمات مرور خاطئة لهذا الحساب. انتظر بضع دقائق، أو أعد تعيين كلمة المرور.
page-role-admin = مشرف
page-role-manager = مدير
page-role-team_leader = قائد فريق
page-role-agent = وكيل
page-role-user = مستخدم

## صفحة إعادة تعيين كلمة المرور.
page-reset-title = إعادة تعيين كلمة المرور
page-reset-ask-heading = هل نسيت كلمة المرور؟
page-reset-ask = أدخل عنوان البريد الإلكتروني لحسابك. إذا كان مرتبطًا بحساب، فسنرسل إليه رابطًا لاختيار كلمة مرور جديدة؛ ويعمل الرابط مرة واحدة، لمدة ساعة واحدة.
page-reset-email = البريد الإلكتروني
page-reset-ask-button = أرسل إليّ رابطًا
page-reset-enter-email = يُرجى إدخال بريدك الإلكتروني.
page-reset-asked-heading = تحقّق من بريدك الإلكتروني
page-reset-asked = إذا كان { $email } مرتبطًا بحساب، فإن رابطًا لإعادة تعيين كلمة مروره في الطريق إليه. يعمل مرة واحدة، وتنتهي صلاحيته خلال ساعة واحدة.
page-reset-choose-heading = اختر كلمة مرور جديدة
page-reset-choose-note = استخدام هذا الرابط يُسجّل خروجك من جميع الأماكن الأخرى.
page-reset-new-password = كلمة المرور الجديدة
page-reset-choose-button = تعيين كلمة المرور الجديدة
page-reset-done-heading = تم تغيير كلمة المرور
page-reset-done = لقد سجّلت الدخول. وانتهت جميع الجلسات الأخرى لحسابك.
page-reset-invalid-heading = هذا الرابط غير صالح
page-reset-invalid = سبق استخدامه، أو نُسخ بشكل غير كامل. { $again }.
page-reset-expired-heading = انتهت صلاحية هذا الرابط
page-reset-expired = تعمل روابط إعادة التعيين لمدة ساعة واحدة. { $again }.
page-reset-again = اطلب رابطًا جديدًا

## صفحة تسجيل الدخول.
page-signin-title = تسجيل الدخول
page-signin-address = البريد الإلكتروني أو رقم الجوال
page-signin-address-hint = يبدأ رقم الجوال بالرمز + متبوعًا برمز الدولة.
page-signin-password = كلمة المرور
page-signin-send-code = أرسل إليّ رمزًا بدلًا من ذلك
page-signin-have-code = لديّ رمز
page-signin-code-heading = أدخل الرمز
page-signin-code-sent = إذا كان { $address } مرتبطًا بحساب، فإن رمزًا من 6 أرقام في الطريق إليه. يعمل مرة واحدة، لمدة 10 دقائق.
page-signin-access-code-note = يمكنك هنا أيضًا استخدام رمز وصول سريع من مديرك (8 أحرف).
page-signin-code = الرمز
page-signin-done-heading = تم تسجيل دخولك
page-signin-scoped = يتيح تسجيل الدخول هذا الوصول إلى { $tenant } فقط: فقد تم باستخدام رمز سلّمه إليك موظفوها.
page-signin-wrong = هذا غير صحيح. تحقّق منه وحاول مرة أخرى.
page-signin-too-many = محاولات كثيرة جدًا. انتظر بضع دقائق، أو أعد تعيين كلمة المرور.
page-signin-proof = لهذا الحساب كلمة مرور: سجّل الدخول بها، أو اطلب إرسال رمز إليك.

## صفحة الانضمام برقم الهاتف.
page-signup-title = الانضمام باستخدام هاتفك
page-signup-heading = الانضمام باستخدام هاتفك
page-signup-lead = إذا وجّهت إحدى المؤسسات دعوة إلى رقم جوالك، فسنرسل إليك رمزًا برسالة نصية. وبهذا الرمز تنضم دفعة واحدة إلى جميع المؤسسات التي وجّهت دعوة إلى هذا الرقم.
page-signup-phone = رقم الجوال
page-signup-send-code = أرسل إليّ رمزًا برسالة نصية
page-signup-code-heading = أدخل الرمز الذي أرسلناه إليك برسالة نصية
page-signup-code-sent = إذا وُجّهت دعوة إلى { $phone }، فإن رمزًا من 8 أحرف في الطريق إليه. يعمل مرة واحدة، لمدة 10 دقائق.
page-signup-consent = أوافق على الانضمام إلى المؤسسات التي وجّهت دعوة إلى هذا الرقم، وعلى تلقي رسائلها النصية.
page-signup-consent-needed = يُرجى تحديد المربع للموافقة: فمن دون موافقتك لا يمكننا ضمّك إلى المؤسسات التي دعتك.
page-signup-join = الانضمام
page-signup-joined-heading = مرحبًا بك
page-signup-joined = تم تسجيل دخولك، وأنت الآن عضو في:
page-signup-none = لا توجد دعوة بانتظار هذا الرقم حتى الآن. اطلب من مؤسستك توجيه دعوة إليه؛ ويمكنك من الآن فصاعدًا تسجيل الدخول به.
page-signup-registered = لهذا الرقم حساب بالفعل: سجّل الدخول به بدلًا من ذلك.

## وحدة تحكم الإدارة.
# النص الذي يذكر عددًا رسالةٌ لكل فئة من فئات الجمع في CLDR (`-zero`، `-one`، `-two`، `-few`،
# `-many`، `-other`): تختار وحدة التحكم فئة العدد. صيغ الصفر والمفرد والمثنى لا تذكر العدد، لذا
# تحتفظ بالمتغير { $count } داخل تعبير اختيار لا يُظهره (يشترط اختبار الفهرس المتغيرات نفسها في كل رسالة).
console-title = إدارة المستخدمين
console-signin-lead = هنا يدير المشرفون والمديرون فرقهم.
console-signin-wrong = البريد الإلكتروني وكلمة المرور غير متطابقين.
console-signin-too-many = محاولات كثيرة جدًا. يُرجى الانتظار بضع دقائق ثم المحاولة مرة أخرى.
console-signin-no-tenant = لا تدير المستخدمين في أي مؤسسة.
console-organisation = المؤسسة
console-me-admin = مشرف
console-me-manager = مدير
console-sign-out = تسجيل الخروج
console-heading = إدارة المستخدمين
console-export-csv = تصدير CSV
console-exported = تم تصدير جميع الأعضاء إلى { $file }.
console-blocked = العناوين المحظورة
console-audit = سجل التدقيق
console-settings = الإعدادات
console-invite-users = دعوة مستخدمين
console-dismiss = إخفاء
console-stats = إحصاءات الوصول إلى النظام
console-stat-active = المستخدمون النشطون
console-stat-invited = المستخدمون المدعوون
console-stat-admins = المشرفون
console-stat-standard = المستخدمون العاديون
console-tabs = المستخدمون
console-tab-all = جميع المستخدمين
console-tab-inactive = غير النشطين
console-tab-renewal = طلبات التجديد
console-search = بحث
console-search-placeholder = الاسم الأول أو اسم العائلة أو البريد الإلكتروني
console-status = الحالة
console-role = الدور
console-any-status = أي حالة
console-any-role = أي دور
console-name = الاسم
console-actions = الإجراءات
console-select-all = تحديد جميع المستخدمين في هذه الصفحة
console-select-member = تحديد { $name }
console-previous = السابق
console-next = التالي
console-page = الصفحة { $number }
console-no-name = (بلا اسم)
console-no-match = لا أحد يطابق هذا البحث.
console-empty = لا أحد هنا بعد.
console-show-details = عرض التفاصيل
console-row-sends = يُرسَل في { $time }
console-row-link-expires = تنتهي صلاحية الرابط { $time }
console-row-last-sign-in = آخر تسجيل دخول: { $time }
console-renewal-asked = طُلب في { $time }
# الأدوار كما تعرضها وحدة التحكم (قائمة اختيار، عمود).
console-role-admin = مشرف
console-role-manager = مدير
console-role-team_leader = قائد فريق
console-role-agent = وكيل
console-role-user = مستخدم
# الحالات، في عامل التصفية وفي التفاصيل.
console-status-scheduled = مجدول
console-status-invited = مدعو
console-status-expired = منتهي الصلاحية
console-status-active = نشط
console-status-deactivated = معطَّل
console-status-cancelled = ملغى
# الحالات كشارة في الصف.
console-badge-scheduled = مجدول
console-badge-invited = مدعو
console-badge-expired = منتهي الصلاحية
console-badge-active = نشط
console-badge-deactivated = معطَّل
console-badge-cancelled = ملغى
console-badge-renewal = طُلب التجديد
# القنوات، وأين وصلت الدعوة المرسلة عبر كل منها.
console-channel-email = البريد الإلكتروني
console-channel-sms = رسالة نصية
console-channel-address = { $channel } ({ $address })
console-delivery-pending = في قائمة الانتظار
console-delivery-sent = أُرسلت
console-delivery-delivered = سُلِّمت
console-delivery-failed = فشلت
console-delivery-bounced = ارتدّت
console-delivery-complained = أُبلغ عنها كرسالة مزعجة
console-delivery-rate_limited = تم بلوغ حد الإرسال
console-delivery = { $channel }: { $state }
console-delivery-why = { $channel }: { $state } ({ $why })
console-not-sent-state = { $channel } { $state }
console-not-sent-why = { $channel } { $state }: { $why }
console-not-sent = تعذّر إرسال الدعوة إلى { $name } ({ $why }).
# إجراءات الصف (يقرأ قارئ الشاشة «إعادة الدعوة: Ana Ruiz»).
console-action-for = { $action }: { $name }
console-send-now = إرسال الآن
console-reinvite = إعادة الدعوة
console-copy-link = نسخ الرابط
console-qr-code = رمز QR
console-print = طباعة
console-history = السجل
console-access-code = رمز الوصول
console-cancel-invite = إلغاء الدعوة
console-deactivate = تعطيل
console-reactivate = إعادة التفعيل
console-edit = تعديل
console-cancel-confirm = هل تريد إلغاء دعوة { $name }؟
console-cancelled = أُلغيت دعوة { $name }.
console-deactivate-confirm = هل تريد تعطيل { $name }؟ لن يتمكن بعد ذلك من تسجيل الدخول.
console-deactivated = عُطِّل حساب { $name }.
console-reactivated = أصبح حساب { $name } نشطًا من جديد.
console-link-title = رابط الدعوة الخاص بـ { $name }
console-link-label = رابط الدعوة
console-link-note = يعمل مرة واحدة، حتى { $time }. لا ترسله إلا إلى { $name }.
console-link-copied = نُسخ الرابط إلى الحافظة.
console-qr-title = رمز QR الخاص بـ { $name }
console-qr-alt = رمز QR لرابط دعوة { $name }
console-qr-note = يُمسح الرمز بكاميرا الهاتف. يعمل مرة واحدة، حتى تنتهي صلاحية الدعوة.
console-print-downloaded = نُزِّلت الدعوة القابلة للطباعة الخاصة بـ { $name }: افتحها واطبعها.
console-code-title = رمز الوصول السريع الخاص بـ { $name }
console-code-note = يُسجَّل الدخول بالبريد الإلكتروني وهذا الرمز قبل { $time }. يعمل مرة واحدة.
# التحديد والإجراءات الجماعية؛ يُقرأ الملخص مثلًا «أُلغيت دعوتان، تُخطِّي شخص واحد (نشط بالفعل).»
console-bulk-reinvite = إعادة دعوة المحدَّدين
console-bulk-cancel = إلغاء الدعوات المحدَّدة
console-bulk-deactivate = تعطيل المحدَّدين
console-bulk-clear = مسح التحديد
console-selected-zero =
    { $count ->
       *[other] لم يُحدَّد أحد
    }
console-selected-one =
    { $count ->
       *[other] تم تحديد شخص واحد
    }
console-selected-two =
    { $count ->
       *[other] تم تحديد شخصين
    }
console-selected-few = تم تحديد { $count } أشخاص
console-selected-many = تم تحديد { $count } شخصًا
console-selected-other = تم تحديد { $count } شخص
console-bulk-cancel-confirm-zero =
    { $count ->
       *[other] لا توجد دعوات لإلغائها.
    }
console-bulk-cancel-confirm-one =
    { $count ->
       *[other] هل تريد إلغاء دعوة شخص واحد؟ سيتوقف رابطه عن العمل.
    }
console-bulk-cancel-confirm-two =
    { $count ->
       *[other] هل تريد إلغاء دعوتَي شخصين؟ سيتوقف رابطاهما عن العمل.
    }
console-bulk-cancel-confirm-few = هل تريد إلغاء دعوات { $count } أشخاص؟ ستتوقف روابطهم عن العمل.
console-bulk-cancel-confirm-many = هل تريد إلغاء دعوات { $count } شخصًا؟ ستتوقف روابطهم عن العمل.
console-bulk-cancel-confirm-other = هل تريد إلغاء دعوات { $count } شخص؟ ستتوقف روابطهم عن العمل.
console-bulk-deactivate-confirm-zero =
    { $count ->
       *[other] لا يوجد أحد لتعطيله.
    }
console-bulk-deactivate-confirm-one =
    { $count ->
       *[other] هل تريد تعطيل شخص واحد؟ لن يتمكن بعد ذلك من تسجيل الدخول.
    }
console-bulk-deactivate-confirm-two =
    { $count ->
       *[other] هل تريد تعطيل شخصين؟ لن يتمكنا بعد ذلك من تسجيل الدخول.
    }
console-bulk-deactivate-confirm-few = هل تريد تعطيل { $count } أشخاص؟ لن يتمكنوا بعد ذلك من تسجيل الدخول.
console-bulk-deactivate-confirm-many = هل تريد تعطيل { $count } شخصًا؟ لن يتمكنوا بعد ذلك من تسجيل الدخول.
console-bulk-deactivate-confirm-other = هل تريد تعطيل { $count } شخص؟ لن يتمكنوا بعد ذلك من تسجيل الدخول.
console-bulk-reinvited-zero =
    { $count ->
       *[other] لم تُعَد دعوة أحد
    }
console-bulk-reinvited-one =
    { $count ->
       *[other] أُعيدت دعوة شخص واحد
    }
console-bulk-reinvited-two =
    { $count ->
       *[other] أُعيدت دعوة شخصين
    }
console-bulk-reinvited-few = أُعيدت دعوة { $count } أشخاص
console-bulk-reinvited-many = أُعيدت دعوة { $count } شخصًا
console-bulk-reinvited-other = أُعيدت دعوة { $count } شخص
console-bulk-cancelled-zero =
    { $count ->
       *[other] لم تُلغَ أي دعوة
    }
console-bulk-cancelled-one =
    { $count ->
       *[other] أُلغيت دعوة واحدة
    }
console-bulk-cancelled-two =
    { $count ->
       *[other] أُلغيت دعوتان
    }
console-bulk-cancelled-few = أُلغيت { $count } دعوات
console-bulk-cancelled-many = أُلغيت { $count } دعوة
console-bulk-cancelled-other = أُلغيت { $count } دعوة
console-bulk-deactivated-zero =
    { $count ->
       *[other] لم يُعطَّل أي حساب
    }
console-bulk-deactivated-one =
    { $count ->
       *[other] عُطِّل حساب واحد
    }
console-bulk-deactivated-two =
    { $count ->
       *[other] عُطِّل حسابان
    }
console-bulk-deactivated-few = عُطِّلت { $count } حسابات
console-bulk-deactivated-many = عُطِّل { $count } حسابًا
console-bulk-deactivated-other = عُطِّل { $count } حساب
console-bulk-link-only-zero =
    { $count ->
       *[other] (لم يبقَ أحد بلا رسالة)
    }
console-bulk-link-only-one =
    { $count ->
       *[other] (شخص واحد بلا رسالة: انسخ رابطه بدلًا من ذلك)
    }
console-bulk-link-only-two =
    { $count ->
       *[other] (شخصان بلا رسالة: انسخ رابطيهما بدلًا من ذلك)
    }
console-bulk-link-only-few = ({ $count } أشخاص بلا رسالة: انسخ روابطهم بدلًا من ذلك)
console-bulk-link-only-many = ({ $count } شخصًا بلا رسالة: انسخ روابطهم بدلًا من ذلك)
console-bulk-link-only-other = ({ $count } شخص بلا رسالة: انسخ روابطهم بدلًا من ذلك)
console-bulk-skipped-zero =
    { $count ->
       *[other] لم يُتخطَّ أحد ({ $reasons })
    }
console-bulk-skipped-one =
    { $count ->
       *[other] تُخطِّي شخص واحد ({ $reasons })
    }
console-bulk-skipped-two =
    { $count ->
       *[other] تُخطِّي شخصان ({ $reasons })
    }
console-bulk-skipped-few = تُخطِّي { $count } أشخاص ({ $reasons })
console-bulk-skipped-many = تُخطِّي { $count } شخصًا ({ $reasons })
console-bulk-skipped-other = تُخطِّي { $count } شخص ({ $reasons })
console-bulk-failed-zero =
    { $count ->
       *[other] لم يفشل أي إجراء ({ $failures })
    }
console-bulk-failed-one =
    { $count ->
       *[other] فشل إجراء واحد ({ $failures })
    }
console-bulk-failed-two =
    { $count ->
       *[other] فشل إجراءان ({ $failures })
    }
console-bulk-failed-few = فشلت { $count } إجراءات ({ $failures })
console-bulk-failed-many = فشل { $count } إجراءً ({ $failures })
console-bulk-failed-other = فشل { $count } إجراء ({ $failures })
console-bulk-failure = { $name }: { $error }
console-bulk-nothing = لا شيء لفعله: { $skipped }.
# سبب تخطي شخص محدَّد؛ وعند تعدد الأسباب، يُذكر كل منها مع عدده.
console-skip-count = { $reason }: { $count }
console-skip-already-active = نشط بالفعل
console-skip-deactivated = معطَّل
console-skip-cancelled = ملغى
console-skip-already-cancelled = ملغى بالفعل
console-skip-already-deactivated = معطَّل بالفعل
console-skip-not-joined = لم ينضم بعد
# مربع حوار الدعوة. أسماء الأعمدة في console-list-hint وconsole-add-columns هي ما تقرؤه الخدمة في
# صف العناوين بجدول البيانات: تبقى بالإنجليزية.
console-invite-how-many = العدد
console-invite-one = شخص واحد
console-invite-many = عدة أشخاص (الصق قائمة)
console-required-note = تشير العلامة { $mark } إلى حقل مطلوب.
console-email = البريد الإلكتروني
console-phone = رقم الجوال
console-phone-placeholder = +966 50 123 4567
console-contact-hint = عنوان بريد إلكتروني أو رقم جوال (مع + ورمز الدولة)، أو كلاهما.
console-list = عناوين البريد الإلكتروني
console-list-placeholder = عنوان في كل سطر، أو الصق صفوفًا من جدول بيانات مع صف العناوين
console-list-hint = عنوان بريد إلكتروني واحد (أو رقم جوال يبدأ بـ +) في كل سطر، أو صفوف منسوخة من جدول بيانات مع صف عناوين يسمّي الأعمدة بالإنجليزية: Email, Phone, First name, Last name, Role, Teams, Agent ids, Products, Shortcode, Department, Job title, Language (القوائم داخل الخلية مفصولة بـ | أو ;). حتى 1000 شخص؛ يتلقى كل منهم دعوته الخاصة، وتتقدّم أعمدة الصف على الخيارات أدناه.
console-agent-ids = معرّفات الوكيل
console-agent-ids-placeholder = voice-17, chat-4
console-agent-ids-hint = مفصولة بفواصل؛ كل معرّف يخص شخصًا واحدًا.
console-agent-ids-many-hint = يحتاج كل وكيل إلى معرّفات خاصة به: الصق صفوفًا تتضمن عمود «Agent ids».
console-teams = الفرق
console-teams-placeholder = الاستقبال، المناوبة الليلية
console-teams-hint = مفصولة بفواصل.
console-department = القسم
console-job-title = المسمّى الوظيفي
console-shortcode = الرمز المختصر
console-shortcode-hint = حتى 16 حرفًا أو رقمًا أو - أو _؛ فريد في هذه المؤسسة.
console-language = اللغة
console-language-hint = لغة الدعوة والصفحات التي يفتحها المدعو.
console-organisation-default = لغة المؤسسة الافتراضية
console-products = المنتجات
console-send-by = الإرسال عبر
console-send-by-neither = إن لم تختر أيًّا منهما، يمكنك نسخ الرابط أو عرض رمز QR أو طباعته بدلًا من ذلك.
console-sms-to = تُرسَل الرسائل النصية إلى أرقام في: { $countries }.
console-no-sms = لا ترسل هذه المؤسسة رسائل نصية.
console-when = موعد الإرسال
console-send-later = الإرسال لاحقًا
console-date-time = التاريخ والوقت
console-time-zone = المنطقة الزمنية
console-close = إغلاق
console-send-invitation = إرسال الدعوة
console-send-invitations = إرسال الدعوات
console-contact-missing-field = أدخل عنوان بريد إلكتروني أو رقم جوال.
console-contact-missing = يلزم عنوان بريد إلكتروني أو رقم جوال.
console-invite-scheduled = ستُرسَل دعوة { $name } في { $time }.
console-invite-queued = دعوة { $name } في قائمة الانتظار.
console-invite-sent = أُرسلت الدعوة إلى { $name }.
console-invite-link-only = أُنشئت دعوة { $name }: انسخ الرابط أو اعرض رمز QR أو اطبعه.
console-invite-existing-profile = لدى { $name } ملف شخصي بالفعل من مؤسسة أخرى: سينضم بكلمة مروره الحالية.
console-already-member = لدى هذا الشخص دعوة أو حساب هنا بالفعل.
console-address-blocked = { $error } بعد تصحيح العنوان، ألغِ حظره من «العناوين المحظورة» ثم أعد الدعوة.
console-add-columns = أضف العمودين Department وJob title إلى الصفوف الملصقة (لا يمكن للصفوف التي تحتوي على خلايا بين علامتي اقتباس أن تأخذهما من النموذج).
console-paste-one = الصق عنوان بريد إلكتروني أو رقم جوال واحدًا على الأقل.
console-not-invited = لم تُرسَل دعوة
console-batch-row = الصف { $number }
console-batch-row-failed = ✗ { $row }: { $reason }
console-batch-row-invited = ✓ { $who }: دُعي بصفة { $role }
console-batch-row-invited-existing = ✓ { $who }: دُعي بصفة { $role } (لديه ملف شخصي بالفعل: ينضم بكلمة مروره الحالية)
# عدد من دُعوا من قائمة ملصقة: { $created } من أصل { $count } (الفئة هي فئة { $count }).
console-batch-invited-zero = دُعي { $created } من أصل { $count }.
console-batch-invited-one =
    { $count ->
       *[other] دُعي { $created } من أصل شخص واحد.
    }
console-batch-invited-two =
    { $count ->
       *[other] دُعي { $created } من أصل شخصين.
    }
console-batch-invited-few = دُعي { $created } من أصل { $count } أشخاص.
console-batch-invited-many = دُعي { $created } من أصل { $count } شخصًا.
console-batch-invited-other = دُعي { $created } من أصل { $count } شخص.
console-batch-existing-zero =
    { $count ->
       *[other] لا أحد من المدعوين لديه ملف شخصي من مؤسسة أخرى.
    }
console-batch-existing-one =
    { $count ->
       *[other] لدى أحد المدعوين ملف شخصي بالفعل من مؤسسة أخرى: سينضم بكلمة مروره الحالية.
    }
console-batch-existing-two =
    { $count ->
       *[other] لدى اثنين من المدعوين ملفات شخصية بالفعل من مؤسسة أخرى: سينضمان بكلمتَي مرورهما الحاليتين.
    }
console-batch-existing-few = لدى { $count } من المدعوين ملفات شخصية بالفعل من مؤسسة أخرى: سينضمون بكلمات مرورهم الحالية.
console-batch-existing-many = لدى { $count } من المدعوين ملفات شخصية بالفعل من مؤسسة أخرى: سينضمون بكلمات مرورهم الحالية.
console-batch-existing-other = لدى { $count } من المدعوين ملفات شخصية بالفعل من مؤسسة أخرى: سينضمون بكلمات مرورهم الحالية.
# مربع حوار التعديل.
console-edit-user = تعديل المستخدم
console-edit-title = تعديل { $name }
console-edit-email-hint = يمكن تغييره حتى تُقبل الدعوة؛ البريد الإلكتروني أو الهاتف الجديد يُبطل الروابط المرسلة سابقًا.
console-cancel = إلغاء
console-save-changes = حفظ التغييرات
console-updated = حُدِّثت بيانات { $name }.
console-updated-relinked = حُدِّثت بيانات { $name }. توقفت الروابط المرسلة سابقًا عن العمل: أعد الدعوة لإرسال رابط جديد.
# مربع حوار إعادة الدعوة (و«إرسال الآن» لدعوة مجدولة).
console-reinvite-title = إعادة دعوة { $name }
console-send-now-title = إرسال دعوة { $name } الآن
console-reinvite-text = يحل رابط جديد محل الروابط السابقة، التي تتوقف عن العمل فورًا.
console-send-now-text = تُرسَل الدعوة الآن بدلًا من موعدها المجدول، برابط جديد.
console-reinvite-none = لن تُرسَل أي رسالة: يمكن نسخ الرابط الجديد أو عرضه كرمز QR أو طباعته من الصف.
console-renew-without-sending = تجديد الرابط دون إرسال
console-reinvite-queued = دعوة جديدة إلى { $name } في قائمة الانتظار ({ $channels })؛ لم تعد الروابط السابقة تعمل.
console-reinvite-sent = أُرسلت دعوة جديدة إلى { $name }؛ لم تعد الروابط السابقة تعمل.
console-renewed-link = لدى { $name } رابط جديد؛ لن تُرسَل أي رسالة. انسخ الرابط أو اعرض رمز QR أو اطبعه من الصف.
# التفاصيل.
console-details = التفاصيل
console-invited-by = صاحب الدعوة
console-invited-at = تاريخ الدعوة
console-scheduled-for = موعد الإرسال المجدول
console-link-expires = انتهاء صلاحية الرابط
console-joined = تاريخ الانضمام
console-deactivated-at = تاريخ التعطيل
console-last-sign-in = آخر تسجيل دخول
console-delivery-label = التسليم
console-no-message = لم تُرسَل أي رسالة (رابط فقط)
console-profile = الملف الشخصي
console-profile-existing = لديه ملف شخصي بالفعل من مؤسسة أخرى: ينضم بكلمة مروره الحالية
console-profile-new = جديد على الخدمة
console-asked-renewal = طلب دعوة جديدة
# الإعدادات.
console-organisation-name = اسم المؤسسة
console-ttl = مدة صلاحية روابط الدعوة (بالساعات)
console-renewal = الروابط المنتهية الصلاحية
console-renewal-approval = يمكن للمدعوين الطلب، ويعيد أحد المشرفين الدعوة
console-renewal-automatic = يحصل المدعوون على رابط جديد فورًا
console-renewal-off = لا يمكن للمدعوين الطلب
console-domains = نطاقات البريد الإلكتروني المسموح بها
console-domains-placeholder = أي نطاق (أو: example.com, example.org)
console-sms-countries = دول الرسائل النصية
console-sms-countries-placeholder = SA, AE
console-branding = الهوية البصرية لرسائل البريد الإلكتروني والصفحات
console-sender-name = اسم المرسل
console-reply-to = عنوان الرد
console-accent = لون التمييز
console-accent-placeholder = #1a56db
console-logo = رابط الشعار (https)
console-logo-placeholder = https://
console-settings-products = المنتجات: { $products } (يحددها مزوّد الخدمة).
console-settings-products-none = لا شيء
console-save-settings = حفظ الإعدادات
console-settings-saved = حُفظت الإعدادات.
# سجل التدقيق وسجل الشخص.
console-action = الإجراء
console-any-action = أي إجراء
console-from = من
console-until = إلى
console-audit-when = الوقت
console-audit-what = ما حدث
console-audit-by = بواسطة
console-audit-member = العضو
console-audit-changes = التغييرات
console-audit-system = النظام
console-audit-empty = لا يوجد شيء مسجّل لهذه المرشحات.
console-download-csv = تنزيل CSV
console-older = إدخالات أقدم
console-history-title = سجل { $name }
console-history-empty = لا يوجد شيء مسجّل بعد.
console-audit-action-member-invited = دُعي
console-audit-action-invitation-sent = أُرسلت الدعوة
console-audit-action-invitation-failed = فشلت الدعوة
console-audit-action-invitation-delivered = سُلِّمت الدعوة
console-audit-action-invitation-bounced = ارتدّت الدعوة
console-audit-action-invitation-complained = أُبلغ عنها كرسالة مزعجة
console-audit-action-invitation-link_minted = نُسخ الرابط أو طُبع
console-audit-action-access_code-issued = أُعطي رمز وصول
console-audit-action-member-reinvited = أُعيدت الدعوة
console-audit-action-member-cancelled = أُلغيت الدعوة
console-audit-action-member-deactivated = عُطِّل
console-audit-action-member-reactivated = أُعيد تفعيله
console-audit-action-member-updated = عُدِّل
console-audit-action-member-accepted = انضم
console-audit-action-invitation-renewal_requested = طلب دعوة جديدة
console-audit-action-session-signed_in = سجّل الدخول
console-audit-action-session-sign_in_failed = فشل تسجيل الدخول
console-audit-action-password-changed = غُيّرت كلمة المرور
console-audit-action-settings-updated = غُيّرت الإعدادات
console-audit-action-members-exported = صُدِّر الأعضاء
console-audit-action-suppression-cleared = أُزيل العنوان من قائمة الحظر
console-audit-action-tenant-created = أُنشئت المؤسسة
console-audit-action-tenant-updated = غيّر المزوّد بيانات المؤسسة
# العناوين المحظورة (قائمة الحظر).
console-blocked-lead = عناوين ارتدّت الرسائل إليها نهائيًا أو أبلغت عن دعوة كرسالة مزعجة. لا يُرسَل إليها شيء، وتُرفض دعوتها، حتى تلغي حظرها (بعد تصحيح العنوان، أو بطلب من الشخص).
console-address = العنوان
console-why = السبب
console-since = منذ
console-more = المزيد
console-blocked-reason-bounce = ارتداد
console-blocked-reason-complaint = أُبلغ عنها كرسالة مزعجة
console-clear = إلغاء الحظر
console-clear-address = إلغاء حظر { $address }
console-clear-confirm = هل تريد إلغاء حظر { $address }؟ ستُرسَل الدعوات إليه من جديد.
console-cleared = لم يعد { $address } محظورًا.
console-blocked-empty = لا توجد عناوين محظورة.
