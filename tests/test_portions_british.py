"""British words that must not land on another food (issue 11): a digestive is a biscuit,
SR28's graham cracker cookie, and a chocolate digestive the chocolate-coated one."""

from __future__ import annotations

import pytest

from twitchcheck.foods.phrases import resolve, resolve_line


@pytest.mark.parametrize(
    ("text", "name", "grams"),
    [
        ("a digestive", "Cookies, graham crackers, plain or honey (includes cinnamon)", 14.7),
        ("3 digestives", "Cookies, graham crackers, plain or honey (includes cinnamon)", 44.1),
        ("2 chocolate digestives", "Cookies, graham crackers, chocolate-coated", 33.2),
        ("choc digestive", "Cookies, graham crackers, chocolate-coated", 16.6),
    ],
)
def test_a_digestive_is_the_graham_cracker_cookie(text: str, name: str, grams: float) -> None:
    item = resolve(text, "uk")
    assert item.food.name == name
    assert item.grams.grams == pytest.approx(grams, abs=0.1)


@pytest.mark.parametrize(
    ("line", "region", "grams"),
    [
        ("2 slices toast", "uk", 68.0),  # a British slice, 38 g, toasted: 34 g
        ("2 slices of white bread", "uk", 76.0),
        ("toast", "uk", 34.0),  # no amount: one British slice
        ("2 slices toast", "us", 50.0),  # FNDDS's American slice
        ("toast", "us", 25.0),
    ],
)
def test_a_slice_of_bread_is_the_regions_slice(line: str, region: str, grams: float) -> None:
    (item,) = resolve_line(line, region=region).items
    assert item.grams.grams == pytest.approx(grams)


def test_other_breads_keep_their_own_slices_in_a_british_diary() -> None:
    (banana,) = resolve_line("slice of banana bread", region="uk").items
    (garlic,) = resolve_line("garlic bread", region="uk").items
    assert banana.grams.grams == pytest.approx(60.0)
    assert garlic.grams.grams > 60.0


@pytest.mark.parametrize(
    ("line", "region", "name"),
    [
        ("2 slices of brown bread", "uk", "Bread, wheat or cracked wheat"),
        ("granary toast", "uk", "Bread, multigrain, toasted"),
        ("a bun", "uk", "Roll, sweet"),
        ("iced bun", "uk", "Roll, sweet, frosted"),
        ("teacake", "uk", "Roll, sweet, with fruit"),
        ("a bun", "us", "Roll, white, soft"),
        ("burger bun", "us", "Roll, white, hamburger bun"),
        ("bao bun", "uk", "Bao bun"),
    ],
)
def test_breads_and_buns_are_the_regions_own(line: str, region: str, name: str) -> None:
    (item,) = resolve_line(line, region=region).items
    assert item.food.name.startswith(name)


@pytest.mark.parametrize(
    "line",
    ["glass of milk", "semi-skimmed milk 200ml", "1 pint whole milk", "latte", "hot chocolate"],
)
def test_british_milk_counts_no_fortified_vitamin_d(line: str) -> None:
    # USDA's milks carry the US fortification; British milk has a trace of vitamin D
    (uk,) = resolve_line(line, region="uk").items
    (us,) = resolve_line(line, region="us").items
    assert uk.food.id == us.food.id  # the same milk: only its vitamin D is the region's
    assert uk.nutrients["vitamin_d_ug"] is not None
    assert uk.nutrients["vitamin_d_ug"] < 0.1 * uk.grams.grams / 100 + 1e-9
    assert us.nutrients["vitamin_d_ug"] > 0.3 * us.grams.grams / 100
    assert uk.nutrients["calcium_mg"] == pytest.approx(
        us.nutrients["calcium_mg"] * uk.grams.grams / us.grams.grams
    )
    assert "not fortified" in uk.note


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("tin of tuna in brine", "canned in water"),  # had been refused
        ("tuna in spring water", "canned in water"),
        ("chickpeas in brine", "from canned"),
    ],
)
def test_foods_sold_in_brine_are_their_canned_form(line: str, name: str) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert name in item.food.name


@pytest.mark.parametrize(
    ("line", "low", "high"), [("a pack of crisps", 25, 35), ("2 packs of crisps", 50, 70)]
)
def test_a_pack_is_a_packet(line: str, low: float, high: float) -> None:
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name.startswith("Potato chips")
    assert low <= item.grams.grams <= high


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("hot water & lemon", ["Water, tap", "Lemon juice, raw"]),  # not a hot chocolate
        ("chippy chips w curry sauce", ["Potato, french fries, NFS", "Curry sauce"]),
        ("crab sandwich on brown", ["Crab", "Bread, wheat or cracked wheat"]),
        ("2 slices sourdough", ["Bread, French or Vienna"]),
    ],
)
def test_british_words_for_breads_drinks_and_chips(line: str, names: list[str]) -> None:
    assert [i.food.name for i in resolve_line(line, region="uk").items] == names


def test_a_sandwich_on_a_bread_named_by_colour_or_flour_has_two_slices() -> None:
    items = resolve_line("crab sandwich on granary", region="uk").items
    bread = next(i for i in items if i.food.name.startswith("Bread"))
    single = resolve_line("1 slice granary bread", region="uk").items[0]
    assert bread.grams.grams == pytest.approx(2 * single.grams.grams)


def test_two_slices_of_sourdough_weigh_two_usual_slices() -> None:
    # SR28's "1 slice" of its French bread (which includes sourdough) is 139 g
    (item,) = resolve_line("2 slices sourdough", region="uk").items
    assert 60 <= item.grams.grams <= 200


@pytest.mark.parametrize(
    ("line", "low", "high"),
    [("50g porridge oats", 50, 50), ("porridge oats", 30, 50), ("bowl of porridge oats", 30, 50)],
)
def test_porridge_oats_are_the_dry_oats(line: str, low: float, high: float) -> None:
    """Porridge oats are sold and weighed dry: cooked porridge has about a sixth of their
    nutrients by weight (50 g had been counted as 50 g of cooked oatmeal)."""
    (item,) = resolve_line(line, region="uk").items
    assert item.food.name == "Oats, raw"
    assert low <= item.grams.grams <= high


def test_a_british_slice_of_sourdough_is_cut_from_an_800_g_loaf() -> None:
    """FNDDS's medium slice of French bread, which sourdough is filed under, is 64 g."""
    (item,) = resolve_line("2 slices sourdough", region="uk").items
    assert item.grams.grams == 100
    (item,) = resolve_line("2 slices sourdough", region="us").items
    assert item.grams.grams == 128


@pytest.mark.parametrize(
    ("line", "grams"),
    [("half a pack of jaffa cakes", 61), ("a pack of digestives", 400),
     ("Hobnobs, half a pack", 150), ("packet of crisps", 30)],
)  # fmt: skip
def test_a_british_packet_is_the_makers_pack(line: str, grams: float) -> None:
    """A packet of biscuits had been one biscuit ("a pack of digestives" 15 g)."""
    (item,) = resolve_line(line, region="uk").items
    assert item.grams.grams == pytest.approx(grams, abs=1)


@pytest.mark.parametrize(
    ("line", "grams"),
    [("2 sausages", 80), ("three sausages", 120), ("2 pork sausages", 80)],
)
def test_a_counted_british_sausage_is_40_g_cooked(line: str, grams: float) -> None:
    """FNDDS's pork sausage 'piece' is a 75 g bun-size link: 2 had been 150 g."""
    (item,) = resolve_line(line, region="uk").items
    assert item.grams.grams == grams


def test_sausage_rolls_and_an_uncounted_sausage_keep_their_own_portions() -> None:
    assert resolve_line("2 sausage rolls", region="uk").items[0].grams.grams == 170
    assert resolve_line("sausage", region="uk").items[0].grams.grams == 60


def test_eggs_counted_in_a_fry_up_at_the_caff_are_its_fried_eggs() -> None:
    """The caff is a place (British informal for a cafe), so the fry-up guides its parts:
    two eggs are two fried eggs, not poached ones."""
    line = "fry up at the caff: 3 sausage, 3 bacon, 2 eggs, beans, 2 hash browns, 2 toast"
    eggs = [i for i in resolve_line(line, region="uk").items if i.food.name.startswith("Egg")]
    assert eggs[0].food.name == "Egg, whole, fried, NS as to fat"
    assert 90 <= eggs[0].grams.grams <= 120
