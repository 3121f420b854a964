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
