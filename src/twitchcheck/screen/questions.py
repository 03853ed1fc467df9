"""The screening's questions, defined once for every shell (the terminal, the web page).

    for step in STEPS:
        if step.applies(answers_so_far):
            ... ask step.questions, then merge what was answered with `merge` ...

Each step is a few questions asked together; a step that cannot apply is skipped
(pregnancy for men and children, twitch details without twitches or cramps, dairy and fish
for vegans, the B12 question when a B12 supplement is already listed). A question names where
its answer goes in the answers JSON (`path`), how it is asked (`kind`), its choices or its
range (from the answers model, so the bounds are those the screening itself accepts) and
whether it may be skipped. Pure: nothing here prompts or prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

COMMON_SYMPTOMS = (
    "twitching", "cramps", "spasms", "night_time", "eyelid_twitching", "calf_cramps",
    "restless_legs", "numbness_tingling", "weakness", "fatigue", "headache_migraine", "anxiety",
    "low_mood", "bone_pain", "fractures", "palpitations", "tremor", "muscle_pain", "leg_swelling",
    "breathlessness",
)  # fmt: skip
WARNING_SYMPTOMS = (
    "chest_pain", "pain_on_exertion", "cold_sweat", "difficulty_breathing", "throat_tightness",
    "seizures", "fainting", "confusion", "difficulty_swallowing", "difficulty_speaking",
    "double_vision", "drooping_eyelid", "one_sided_weakness", "sudden_weakness",
    "progressive_weakness", "proximal_weakness", "muscle_wasting", "spreading_numbness",
    "tetany_carpopedal_spasm", "dark_urine", "severe_muscle_pain", "prolonged_cramp",
    "one_sided_calf_pain", "calf_warmth_redness",
)  # fmt: skip
TWITCH_SYMPTOMS = frozenset({"twitching", "cramps", "spasms", "eyelid_twitching", "calf_cramps"})
NUMB_SYMPTOMS = frozenset({"numbness_tingling", "spreading_numbness"})
WEAK_SYMPTOMS = frozenset({
    "weakness", "progressive_weakness", "one_sided_weakness", "sudden_weakness",
    "proximal_weakness", "muscle_wasting",
})  # fmt: skip
RECENT_LOSSES = ("vomiting", "diarrhoea", "heavy_sweating")

Kind = Literal["number", "choice", "yes_no", "multi", "names", "lines", "places"]
Answers = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Question:
    """One question: where its answer goes, how it is asked, what it accepts."""

    path: tuple[str, ...]  # ("lifestyle", "sleep_hours"): the answers' keys, outermost first
    text: str
    kind: Kind
    options: tuple[str, ...] = ()  # choice and multi: the accepted values, in order shown
    low: float | None = None  # number: the answers model's own bounds
    high: float | None = None
    optional: bool = True
    default: bool | None = None  # yes_no: the answer assumed when none is given
    hint: str = ""  # an example of what is accepted
    kind_of_name: str = ""  # names: "medicine" or "condition", checked as typed
    most: int | None = None  # lines: how many are read
    applies: Callable[[Answers], bool] = field(default=lambda _answers: True, compare=False)

    @property
    def key(self) -> str:
        """The form field's name: the path joined with dots."""
        return ".".join(self.path)


@dataclass(frozen=True, slots=True)
class Step:
    """Questions asked together, and when they apply (given the answers so far)."""

    id: str
    title: str
    questions: tuple[Question, ...]
    applies: Callable[[Answers], bool] = field(default=lambda _answers: True, compare=False)

    def asked(self, answers: Answers) -> tuple[Question, ...]:
        """The questions of this step that apply (none when the step itself does not)."""
        if not self.applies(answers):
            return ()
        return tuple(question for question in self.questions if question.applies(answers))


def value_at(answers: Answers, path: tuple[str, ...]) -> Any:
    """The answer at `path`, or None."""
    current: Any = answers
    for part in path:
        if not isinstance(current, Mapping):
            return None
        current = current.get(part)
    return current


def merge(answers: Mapping[str, Any], path: tuple[str, ...], value: Any) -> dict[str, Any]:
    """A copy of `answers` with `value` at `path` (a blank value removes the key)."""
    out = dict(answers)
    head, *rest = path
    if rest:
        inner = merge(out.get(head) or {}, tuple(rest), value)
        if inner:
            out[head] = inner
        else:
            out.pop(head, None)
    elif value in (None, [], (), {}):
        out.pop(head, None)
    else:
        out[head] = value
    return out


def symptoms_of(answers: Answers) -> set[str]:
    """The symptoms and warning signs chosen so far."""
    return set(answers.get("symptoms") or ()) | set(answers.get("warning_signs") or ())


def _may_be_pregnant(answers: Answers) -> bool:
    from twitchcheck.profile import REPRODUCTIVE_AGE_YEARS

    low, high = REPRODUCTIVE_AGE_YEARS
    age = answers.get("age")
    return answers.get("sex") == "female" and isinstance(age, int | float) and low <= age < high


def _lists_b12(answers: Answers) -> bool:
    from twitchcheck.errors import InputError
    from twitchcheck.knowledge.supplements import parse_supplements

    try:
        return any(s.id == "vitamin_b12" for s in parse_supplements(answers.get("supplements", [])))
    except InputError:
        return False


def _bounds(model: Any, name: str) -> tuple[float, float]:
    """The ge/le the answers model sets on `name` (the same the screening accepts)."""
    low, high = 0.0, 1e9
    info = model.model_fields[name]
    markers = list(info.metadata)
    for arg in getattr(info.annotation, "__args__", ()):
        for meta in getattr(arg, "__metadata__", ()):
            markers += list(getattr(meta, "metadata", ()))
    for marker in markers:
        low = float(getattr(marker, "ge", low))
        high = float(getattr(marker, "le", high))
    return low, high


def _choices(model: Any, name: str) -> tuple[str, ...]:
    """The values of a Literal field of the answers model, in the model's order."""
    annotation = model.model_fields[name].annotation
    for arg in get_args(annotation):
        found = get_args(arg)
        if found and all(isinstance(value, str) for value in found):
            return tuple(found)
    return tuple(value for value in get_args(annotation) if isinstance(value, str))


def _number(path: tuple[str, ...], text: str, model: Any, optional: bool = True) -> Question:
    low, high = _bounds(model, path[-1])
    return Question(path, text, "number", low=low, high=high, optional=optional)


def _choice(path: tuple[str, ...], text: str, model: Any, optional: bool = True) -> Question:
    return Question(path, text, "choice", options=_choices(model, path[-1]), optional=optional)


def _known(ids: tuple[str, ...]) -> tuple[str, ...]:
    """The ids the knowledge base holds (the list follows symptoms.yaml as it grows)."""
    from twitchcheck.knowledge import load_knowledge

    symptoms = load_knowledge().symptoms
    return tuple(i for i in ids if i in symptoms)


def _course(name: str, what: str) -> tuple[Question, ...]:
    from twitchcheck.screen.answers import Course

    return (
        _number((name, "since_weeks"), f"How many weeks since the {what} began", Course),
        Question(
            (name, "where"), f"Where is the {what}", "places", hint="e.g. feet, hands, left arm"
        ),
        Question((name, "spreading"), f"Is the {what} spreading or getting worse?", "yes_no"),
        _choice((name, "sides"), "On one side of the body or both", Course),
    )


def steps() -> tuple[Step, ...]:
    """Every step in the order asked (built on first use: it reads the answers model)."""
    from twitchcheck.limits import limit
    from twitchcheck.screen.answers import Answers as Model
    from twitchcheck.screen.answers import Diet, Lifestyle, Twitch

    def life(name: str, text: str) -> Question:
        return _number(("lifestyle", name), text, Lifestyle)

    def diet(answers: Answers) -> str | None:
        pattern = value_at(answers, ("diet", "pattern"))
        return pattern if isinstance(pattern, str) else None

    return (
        Step(
            "person",
            "About you",
            (
                _number(("age",), "Age in years", Model, optional=False),
                _choice(("sex",), "Sex (as your reference ranges use it)", Model, optional=False),
            ),
        ),
        Step(
            "pregnancy",
            "Pregnancy",
            (
                Question(("pregnant",), "Are you pregnant?", "yes_no", default=False),
                Question(("lactating",), "Are you breastfeeding?", "yes_no", default=False),
            ),
            _may_be_pregnant,
        ),
        Step(
            "symptoms",
            "What you notice",
            (
                Question(
                    ("symptoms",),
                    # The three are easily confused: their difference in plain words (IRLSSG, NHS).
                    "Which of these do you notice? A cramp is a painful, hard muscle that locks; "
                    "a twitch is a small flicker under the skin; restless legs is an urge to move "
                    "them that eases when you do.",
                    "multi",
                    _known(COMMON_SYMPTOMS),
                ),
                Question(
                    ("warning_signs",),
                    "Any of these warning signs? (answer honestly: they change the advice)",
                    "multi",
                    _known(WARNING_SYMPTOMS),
                ),
            ),
        ),
        Step(
            "twitch",
            "The twitches or cramps",
            (
                Question(
                    ("twitch", "where"), "Where", "places", hint="e.g. eyelid, calf, both arms"
                ),
                _number(("twitch", "since_weeks"), "For how many weeks", Twitch),
                _choice(("twitch", "how_often"), "How often", Twitch),
                _choice(("twitch", "when"), "When mostly", Twitch),
            ),
            lambda answers: bool(TWITCH_SYMPTOMS & symptoms_of(answers)),
        ),
        Step(
            "numbness",
            "The numbness or tingling",
            _course("numbness", "numbness or tingling"),
            lambda answers: bool(NUMB_SYMPTOMS & symptoms_of(answers)),
        ),
        Step(
            "weakness",
            "The weakness",
            _course("weakness", "weakness"),
            lambda answers: bool(WEAK_SYMPTOMS & symptoms_of(answers)),
        ),
        Step(
            "medicines",
            "Medicines, conditions, supplements",
            (
                Question(
                    ("medications",),
                    "Medicines you take, with doses if you like",
                    "names",
                    hint="e.g. furosemide 40mg; comma-separated",
                    kind_of_name="medicine",
                ),
                Question(
                    ("conditions",),
                    "Long-term conditions or operations",
                    "names",
                    hint="e.g. kidney disease stage 3, thyroidectomy 2 weeks ago; comma-separated",
                    kind_of_name="condition",
                ),
                Question(
                    ("supplements",),
                    "Supplements, one per line, with the dose if you know it",
                    "lines",
                    hint="e.g. magnesium citrate 400 mg daily, vitamin D 1000 IU, salt substitute",
                    most=int(limit("input.supplements")),
                ),
            ),
        ),
        Step("diet", "Your diet", (_choice(("diet", "pattern"), "Diet", Diet),)),
        Step(
            "dairy",
            "Dairy and fish",
            (
                Question(
                    ("diet", "dairy"),
                    "Do you have milk, yogurt or cheese most days?",
                    "yes_no",
                    default=True,
                    applies=lambda answers: diet(answers) != "vegan",
                ),
                Question(
                    ("diet", "fish"),
                    "Do you eat oily fish (salmon, sardines...) most weeks?",
                    "yes_no",
                    default=False,
                    applies=lambda answers: diet(answers) not in ("vegan", "vegetarian"),
                ),
                Question(
                    ("diet", "fortified_foods"),
                    "Do you have fortified foods (fortified plant milk, cereal) or a "
                    "multivitamin most days?",
                    "yes_no",
                    default=False,
                ),
                Question(
                    ("diet", "b12_supplement"),
                    "Do you take a B12 supplement (tablets, spray or injections), apart from "
                    "fortified foods?",
                    "yes_no",
                    default=False,
                    applies=lambda answers: not _lists_b12(answers),
                ),
            ),
        ),
        Step(
            "daily",
            "Drinks and daily life",
            (
                _choice(("sun_exposure",), "Time in daylight outdoors", Model),
                life("coffee_cups_per_day", "Cups of coffee a day"),
                life("tea_cups_per_day", "Cups of tea a day (not herbal)"),
                life("cola_cans_per_day", "Cans of cola a day"),
                life("energy_drinks_per_day", "Energy drinks a day (cans)"),
                life("alcohol_drinks_per_week", "Alcoholic drinks a week"),
                Question(
                    ("lifestyle", "nicotine"),
                    "Do you smoke, vape or use nicotine?",
                    "yes_no",
                    default=False,
                ),
                Question(
                    ("lifestyle", "nitrous_oxide"),
                    'Do you use nitrous oxide ("laughing gas", balloons, "nos")?',
                    "yes_no",
                    default=False,
                ),
                _choice(("lifestyle", "exercise"), "Exercise", Lifestyle),
                life("fluids_l_per_day", "Litres of fluid a day (about)"),
                _choice(("lifestyle", "stress"), "Stress lately", Lifestyle),
                life("sleep_hours", "Hours of sleep a night"),
            ),
        ),
        Step(
            "recent",
            "The last week, where you live, recent tests",
            (
                Question(
                    ("recent",),
                    "In the last week, did you have any of these?",
                    "multi",
                    RECENT_LOSSES,
                ),
                Question(
                    ("region",),
                    "Where you live, for the right emergency numbers",
                    "choice",
                    tuple(region for region, _ in region_options()),
                ),
                Question(
                    ("labs",),
                    "Recent blood tests, one per line",
                    "lines",
                    hint="e.g. magnesium 0.7 mmol/L",
                    most=int(limit("input.labs")),
                ),
            ),
        ),
    )


def check_names(question: Question, names: tuple[str, ...]) -> None:
    """Refuse a medicine or condition name the knowledge base does not know (InputError, with
    suggestions): the check every shell applies to a `names` question as it is answered."""
    from twitchcheck.screen.answers import known_ids, medicine_class_ids

    if question.kind_of_name == "medicine":
        medicine_class_ids(names)
    else:
        known_ids(names, question.kind_of_name, "conditions")


def check_line(question: Question, line: str) -> None:
    """Refuse one line of a `lines` question (a lab result or a supplement) the screening
    could not read (InputError saying why)."""
    from twitchcheck.knowledge.supplements import parse_supplement
    from twitchcheck.labs import parse_lab

    (parse_lab if question.path == ("labs",) else parse_supplement)(line)


def region_options() -> tuple[tuple[str, str], ...]:
    """(id, label) of every region the knowledge base knows, for the region question."""
    from twitchcheck.knowledge import load_knowledge

    return tuple((r.id, r.label) for r in load_knowledge().regions.values())


def symptom_label(symptom_id: str) -> str:
    """A symptom's words as the knowledge base gives them ("Muscle twitching")."""
    from twitchcheck.knowledge import load_knowledge

    found = load_knowledge().symptoms.get(symptom_id)
    return found.label if found is not None else symptom_id.replace("_", " ")


def to_answers(collected: Mapping[str, Any]) -> dict[str, Any]:
    """The answers JSON from what the steps collected: warning signs join the symptoms and
    recent losses become yes/no keys, as the terminal writes them."""
    out = {k: v for k, v in collected.items() if k not in ("warning_signs", "recent")}
    symptoms = [*collected.get("symptoms", ()), *collected.get("warning_signs", ())]
    out = merge(out, ("symptoms",), symptoms)
    recent = collected.get("recent") or ()
    out = merge(out, ("recent",), dict.fromkeys(recent, True))
    if _lists_b12(out):
        out = merge(out, ("diet", "b12_supplement"), True)
    return out
