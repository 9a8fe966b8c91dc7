#!/usr/bin/env bash
# Checks that the fonts in Fonts/ draw the languages the handouts are translated into.
#
#   apt-get install -y libharfbuzz-bin && pip install fonttools
#   bash Fonts/check-scripts.sh
#
# For every language: a sample sentence about breastfeeding is shaped with hb-shape in the
# face Layouts/theme.yaml gives that language, Regular and Bold; the check fails on any
# .notdef glyph (gid 0: a character the face lacks), on any dotted circle (the glyph of
# U+25CC, which HarfBuzz inserts where a vowel sign or mark has no base to sit on), and on
# marks of one cluster drawn over each other instead of stacked (their ink boxes, from
# fontTools, overlap by more than a fifth of the smaller one). Then the letters each
# language needs are looked up in the faces' cmaps, so a letter the samples do not happen
# to use is checked too. Samples use the script's own digits where the face has them; in
# the handouts, Latin digits and spaces come from Noto Sans, which is first in every family
# list. hb-shape does no bidi reordering: that is Pango's work, not checked here.
# Exits 1 if any check fails, 2 if a tool is missing.
set -u
cd "$(dirname "$0")"
command -v hb-shape >/dev/null || { echo "check-scripts: hb-shape is missing: apt-get install -y libharfbuzz-bin" >&2; exit 2; }
python3 -c "import fontTools" 2>/dev/null || { echo "check-scripts: fontTools is missing: pip install fonttools" >&2; exit 2; }

failures=0

# Reads hb-shape's JSON output for face $1 on standard input and prints what is wrong with
# it, or nothing.
inspect='
import json, sys
from fontTools.ttLib import TTFont
from fontTools.pens.boundsPen import BoundsPen
font = TTFont(sys.argv[1], lazy=True)
shaped = json.load(sys.stdin)
order, glyphs = font.getGlyphOrder(), font.getGlyphSet()
gdef = font["GDEF"].table if "GDEF" in font else None
classes = gdef.GlyphClassDef.classDefs if gdef and gdef.GlyphClassDef else {}
circle = font.getBestCmap().get(0x25CC)
problems = []
notdef = sum(1 for g in shaped if g["g"] == 0)
circles = sum(1 for g in shaped if circle and order[g["g"]] == circle)
if notdef:
    problems.append(f"{notdef} .notdef")
if circles:
    problems.append(f"{circles} dotted circle(s)")
x, marks = 0, {}
for g in shaped:
    name = order[g["g"]]
    if classes.get(name) == 3:
        pen = BoundsPen(glyphs)
        glyphs[name].draw(pen)
        if pen.bounds:
            left, bottom, right, top = pen.bounds
            left, right = left + x + g["dx"], right + x + g["dx"]
            marks.setdefault(g["cl"], []).append((name, (left, bottom + g["dy"], right, top + g["dy"])))
    x += g["ax"]
for cluster in marks.values():
    for i, (name_a, a) in enumerate(cluster):
        for name_b, b in cluster[i + 1:]:
            width = min(a[2], b[2]) - max(a[0], b[0])
            height = min(a[3], b[3]) - max(a[1], b[1])
            smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
            if width > 0 and height > 0 and smaller and width * height / smaller > 0.2:
                problems.append(f"marks {name_a} and {name_b} overlap ({width * height / smaller:.0%})")
print("; ".join(problems))
'

# shape LANGUAGE FACE-PREFIX TEXT: shapes TEXT with FACE-PREFIX-Regular and -Bold.
shape() {
    local language=$1 prefix=$2 text=$3 weight file json problems
    for weight in Regular Bold; do
        file=$(ls "$prefix-$weight".ttf "$prefix-$weight".subset.otf 2>/dev/null | head -n 1)
        if [ -z "$file" ]; then
            echo "FAIL $language: no $prefix-$weight font"; failures=$((failures + 1)); continue
        fi
        json=$(hb-shape --font-file="$file" --language="$language" --no-glyph-names --output-format=json --text="$text")
        if ! problems=$(python3 -c "$inspect" "$file" <<<"$json"); then
            echo "FAIL $language $file: could not inspect the shaped text"; failures=$((failures + 1))
        elif [ -n "$problems" ]; then
            echo "FAIL $language $file: $problems in: $text"; failures=$((failures + 1))
        else
            echo "ok   $language $file: $(grep -o '"g":' <<<"$json" | wc -l) glyphs"
        fi
    done
}

# The checks must be able to fail: a Bengali vowel sign with nothing before it gets a
# dotted circle, a Thai letter in a Latin face .notdef, and Debian's Noto Looped Thai 1.00
# (not shipped, for that very fault) draws the tone mark of ที่ over the vowel.
selftest() {
    local file=$1 text=$2 expect=$3 found
    [ -f "$file" ] || return 0
    found=$(hb-shape --font-file="$file" --no-glyph-names --output-format=json --text="$text" | python3 -c "$inspect" "$file")
    if ! grep -qF "$expect" <<<"$found"; then
        echo "FAIL self-test: \"$expect\" not found for $text in $file"; failures=$((failures + 1))
    fi
}
selftest NotoSansBengali-Regular.ttf "ি" "dotted circle"
selftest NotoSans-Regular.ttf "ก" ".notdef"
selftest /usr/share/fonts/truetype/noto/NotoLoopedThai-Regular.ttf "ที่" "overlap"

# Scripts added for the new languages.
# Urdu: "Feed your baby 8 to 12 times in 24 hours. If the breast hurts, talk to the doctor or midwife."
#       "Mother's milk is the best food for a baby. If the baby latches well, feeding does not hurt."
shape ur NotoNastaliqUrdu "اپنے بچے کو ۲۴ گھنٹوں میں ۸ سے ۱۲ بار دودھ پلائیں۔ اگر چھاتی میں درد ہو تو ڈاکٹر یا دائی سے بات کریں۔"
shape ur NotoNastaliqUrdu "ماں کا دودھ بچے کے لیے بہترین غذا ہے۔ بچہ چھاتی ٹھیک سے پکڑے تو دودھ پلانے میں درد نہیں ہوتا۔"
# Bengali: "Breastfeed your baby 8 to 12 times in 24 hours. Mother's milk is the best food for the baby."
#       "If breastfeeding hurts, ask a doctor or midwife for advice."
shape bn NotoSansBengali "আপনার শিশুকে ২৪ ঘণ্টায় ৮ থেকে ১২ বার বুকের দুধ খাওয়ান। মায়ের দুধ শিশুর জন্য সবচেয়ে ভালো খাবার।"
shape bn NotoSansBengali "স্তন্যপান করানোর সময় ব্যথা হলে ডাক্তার বা ধাত্রীর পরামর্শ নিন।"
# Panjabi (Gurmukhi): "Feed your baby 8 to 12 times in 24 hours. Mother's milk is the best food for the baby."
#       "If feeding brings pain or any trouble, get help from a doctor or midwife."
shape pa NotoSansGurmukhi "ਆਪਣੇ ਬੱਚੇ ਨੂੰ ੨੪ ਘੰਟਿਆਂ ਵਿੱਚ ੮ ਤੋਂ ੧੨ ਵਾਰ ਦੁੱਧ ਪਿਲਾਓ। ਮਾਂ ਦਾ ਦੁੱਧ ਬੱਚੇ ਲਈ ਸਭ ਤੋਂ ਵਧੀਆ ਖ਼ੁਰਾਕ ਹੈ।"
shape pa NotoSansGurmukhi "ਜੇ ਦੁੱਧ ਪਿਲਾਉਣ ਵੇਲੇ ਦਰਦ ਜਾਂ ਕੋਈ ਪ੍ਰੇਸ਼ਾਨੀ ਹੋਵੇ, ਤਾਂ ਡਾਕਟਰ ਜਾਂ ਦਾਈ ਤੋਂ ਮਦਦ ਲਓ।"
# Burmese: "Breastfeed your child 8 to 12 times within 24 hours. Mother's milk is the best food for the child."
#       "Breastfeeding is what the World Health Organization recommends."
shape my NotoSansMyanmar "သင့်ကလေးကို ၂၄ နာရီအတွင်း ၈ ကြိမ်မှ ၁၂ ကြိမ်အထိ နို့တိုက်ပါ။ မိခင်နို့သည် ကလေးအတွက် အကောင်းဆုံး အစာဖြစ်သည်။"
shape my NotoSansMyanmar "မိခင်နို့တိုက်ကျွေးခြင်းသည် ကမ္ဘာ့ကျန်းမာရေးအဖွဲ့၏ အကြံပြုချက် ဖြစ်သည်။"
# Thai: "Breastfeed 8 to 12 times in 24 hours. Mother's milk is the best food for a baby."
#       "If the nipple hurts, ask a nurse or midwife. Feed whenever the baby is hungry."
shape th NotoSerifThai "ควรให้นมลูก ๘ ถึง ๑๒ ครั้งใน ๒๔ ชั่วโมง น้ำนมแม่เป็นอาหารที่ดีที่สุดสำหรับทารก"
shape th NotoSerifThai "ถ้าเจ็บหัวนม ให้ปรึกษาพยาบาลหรือผดุงครรภ์ ป้อนนมทุกครั้งที่ลูกหิว"
# Traditional Chinese: "Breastfeed your baby 8 to 12 times every 24 hours. If the nipple hurts, ask a nurse or midwife."
#       "Breast milk is the best food for a baby; when the baby latches well, it does not hurt."
shape zh-Hant NotoSansCJKtc "每24小時餵寶寶喝母乳8到12次。乳頭疼痛時，請向護理師或助產師求助。"
shape zh-Hant NotoSansCJKtc "母乳是嬰兒最好的食物；寶寶含乳正確，媽媽就不會痛。"

# Languages written in scripts that were already shipped.
# Persian/Dari: "Breastfeed your baby 8 to 12 times in 24 hours. If the breast hurts, talk to a midwife or doctor."
#       "In the first six months a newborn needs nothing but mother's milk. Midwives help, above all in the first days."
shape fa NotoNaskhArabic "به نوزاد خود در ۲۴ ساعت ۸ تا ۱۲ بار شیر بدهید. اگر پستان درد گرفت، با ماما یا پزشک صحبت کنید."
shape fa NotoNaskhArabic "نوزاد در شش ماه اول به جز شیر مادر به چیز دیگری نیاز ندارد. ماماها به‌ویژه در روزهای نخست کمک می‌کنند."
# Pashto: "Give your child mother's milk 8 to 12 times in 24 hours. Mother's milk is the best food for the child."
#       "If the breast hurts, ask a doctor or midwife. Mother's milk is good for the child."
shape ps NotoNaskhArabic "خپل ماشوم ته په ۲۴ ساعتونو کې له ۸ تر ۱۲ ځله د مور شیدې ورکړئ. د مور شیدې د ماشوم لپاره تر ټولو ښه خواړه دي."
shape ps NotoNaskhArabic "که تي درد کوي، له ډاکټر یا قابلې سره مشوره وکړئ. د مور شیدې ماشوم ته ګټورې دي."
# Nepali: "Breastfeed your baby 8 to 12 times in 24 hours. If it hurts, ask a health worker."
shape ne NotoSansDevanagari "आफ्नो बच्चालाई २४ घण्टामा ८ देखि १२ पटक स्तनपान गराउनुहोस्। दुखेमा स्वास्थ्यकर्मीसँग सल्लाह लिनुहोस्।"
# Latin and Cyrillic: Noto Sans.
shape ro NotoSans "Alăptați-vă copilul de 8 până la 12 ori în 24 de ore. Dacă sânul doare, cereți ajutorul moașei."
shape uk NotoSans "Годуйте малюка груддю від 8 до 12 разів за 24 години. Грудне молоко є найкращою їжею для немовляти."
shape ru NotoSans "Кормите ребёнка грудью от 8 до 12 раз за 24 часа. Если грудь болит, обратитесь к акушерке."
shape tr NotoSans "Bebeğinizi 24 saatte 8 ila 12 kez emzirin. Göğsünüz ağrırsa ebeye ya da doktora danışın."
shape so NotoSans "Ilmahaaga naas nuuji 8 ilaa 12 jeer 24 saacadood gudahood. Haddii naasku ku xanuuno, la hadal umulisada."
shape tl NotoSans "Pasusuhin ang inyong sanggol nang 8 hanggang 12 beses sa loob ng 24 na oras. Magtanong sa komadrona kung masakit."
shape ht NotoSans "Bay pitit ou tete 8 a 12 fwa chak 24 èdtan. Lèt manman se pi bon manje pou tibebe a."
shape sq NotoSans "Ushqejeni foshnjën me gji 8 deri në 12 herë çdo 24 orë. Nëse ju dhemb gjiri, kërkoni ndihmë nga mamia."

# Every letter each language needs, in the faces its text uses (Regular and Bold).
python3 - <<'EOF' || failures=$((failures + 1))
import sys
from fontTools.ttLib import TTFont

def chars(*ranges):
    return "".join(chr(c) for first, last in ranges for c in range(first, last + 1))

arabic_common = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقلمنهوي" + "،؛؟" + "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652\u0654\u0670\u200C"
persian_digits = chars((0x06F0, 0x06F9))
needs = {
    "ur": ("NotoNastaliqUrdu", "ابپتٹثجچحخدڈذرڑزژسشصضطظعغفقکگلمنںوہھءیےۓۂۃآأؤئ" + persian_digits + "،؛؟۔٪" + "\u064E\u064F\u0650\u0651\u0654\u0670"),
    "bn": ("NotoSansBengali", chars((0x0985, 0x098C), (0x0995, 0x09A8), (0x09AA, 0x09B0), (0x09E6, 0x09EF)) + "এঐওঔলশষসহ়ঽািীুূৃেৈোৌ্ৎংঃঁড়ঢ়য়।"),
    "pa": ("NotoSansGurmukhi", "ਅਆਇਈਉਊਏਐਓਔਕਖਗਘਙਚਛਜਝਞਟਠਡਢਣਤਥਦਧਨਪਫਬਭਮਯਰਲਵੜਸ਼ਸਹਖ਼ਗ਼ਜ਼ਫ਼ਲ਼਼ਾਿੀੁੂੇੈੋੌ੍ੰੱਂ" + chars((0x0A66, 0x0A6F)) + "।"),
    "my": ("NotoSansMyanmar", chars((0x1000, 0x102A), (0x102B, 0x103F), (0x1040, 0x104F))),
    "th": ("NotoSerifThai", chars((0x0E01, 0x0E3A), (0x0E3F, 0x0E5B))),
    "zh-Hant": ("NotoSansCJKtc", "餵哺乳嬰兒寶媽奶瓶吸吮擠頭腫脹痛醫護助產黃疸尿布體重「」『』，。、；：？！（）"),
    "fa": ("NotoNaskhArabic", arabic_common + "پچژگکی" + persian_digits + "٫٬"),
    "ps": ("NotoNaskhArabic", arabic_common + "پچژگکیټډړښږګڼۍېځڅ" + persian_digits),
    "ne": ("NotoSansDevanagari", chars((0x0905, 0x0914), (0x0915, 0x0939), (0x093E, 0x094D), (0x0966, 0x096F)) + "ंःँ।॥"),
    "ro": ("NotoSans", "ĂăÂâÎîȘșȚț„”«»"),
    "tr": ("NotoSans", "ÇçĞğİıÖöŞşÜüÂâÎîÛû"),
    "sq": ("NotoSans", "ÇçËë"),
    "so": ("NotoSans", "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'"),
    "tl": ("NotoSans", "ÑñÁáÀàÂâÉéÈèÊêÍíÌìÎîÓóÒòÔôÚúÙùÛû"),
    "ht": ("NotoSans", "ÈèÒòÀàÉé"),
    "uk": ("NotoSans", "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯабвгґдеєжзиіїйклмнопрстуфхцчшщьюя’ʼ«»„“"),
    "ru": ("NotoSans", "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя«»„“\u0301"),
}
failed = False
for language, (prefix, letters) in needs.items():
    for weight in ["Regular", "Bold"]:
        for suffix in [".ttf", ".subset.otf"]:
            try:
                cmap = TTFont(f"{prefix}-{weight}{suffix}", lazy=True).getBestCmap()
                break
            except FileNotFoundError:
                continue
        missing = [f"{c} U+{ord(c):04X}" for c in dict.fromkeys(letters) if ord(c) not in cmap]
        if missing:
            print(f"FAIL {language} {prefix}-{weight}: lacks {', '.join(missing)}")
            failed = True
        else:
            print(f"ok   {language} {prefix}-{weight}: all {len(set(letters))} letters")
sys.exit(1 if failed else 0)
EOF

if [ "$failures" -ne 0 ]; then
    echo "check-scripts: $failures check(s) failed"
    exit 1
fi
echo "check-scripts: every check passed"
