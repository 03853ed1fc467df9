"""Context inside a line that is not food: a place's name, a stall, a time of day, who
brought the food, a remark in an aside (dishes.toml [context])."""

from __future__ import annotations

import pytest

from twitchcheck.foods import dishes
from twitchcheck.foods.phrases import resolve_line


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("masala dosa from Sakonis", "masala dosa"),  # a shop's own name: no USDA word
        ("sausage biscuit from the Circle K", "sausage biscuit"),
        ("spam musubi x2 from 7-Eleven", "spam musubi x2"),
        ("iced tea from the employee cafeteria", "iced tea"),  # the head noun is a place
        ("xoi man from Hong Kong Food Market", "xoi man"),
        ("pizza 2 slices from the place on the corner", "pizza 2 slices"),
        ("banh mi from the bakery on Bellaire", "banh mi"),
        # British spelling, family words, a place after "off" or a street after "on"
        ("2 veg samosas from the sweet centre", "2 veg samosas"),
        ("3 Welsh cakes from mam", "3 Welsh cakes"),
        ("2 bacon baps off the butty van", "2 bacon baps"),
        ("pani puri x6 on Oak Tree Rd", "pani puri x6"),
        ("beans on toast", "beans on toast"),  # a food after "on" is no place
        # how it came to be eaten, said after a comma, once its place or person is gone
        ("oat latte, made at home", "oat latte"),
        ("pizza, shared with my sister", "pizza"),
        ("Potato, baked", "Potato, baked"),  # USDA's words: how it was cooked
        ("jerk chicken on coco bread", "jerk chicken on coco bread"),
        # the amount after the place is kept, before the food
        ("boiled peanuts from the stand on 41, about a cup", "about a cup boiled peanuts"),
        # not a place: a food, a container, or lower-case words that are no name
        ("juice from concentrate", "juice from concentrate"),
        ("soup from a tin", "soup from a tin"),
        ("legs cramping at night again", "legs cramping at night again"),
        ("tomatoes from the garden", "tomatoes from the garden"),
    ],
)
def test_a_place_after_at_or_from_is_context(text: str, food: str) -> None:
    assert dishes.without_context(text) == food


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("pot noodle at 11pm", "pot noodle"),
        ("pot noodle at 11 pm", "pot noodle"),  # as the amount reader spaces it
        ("3 cha gio at noon", "3 cha gio"),
        ("lunch at 4pm - instant pho packet", "instant pho packet"),
        ("cake for 2", "cake for 2"),  # a bare number is no time
    ],
)
def test_a_time_of_day_is_context(text: str, food: str) -> None:
    assert dishes.without_context(text) == food


@pytest.mark.parametrize(
    ("text", "food"),
    [
        ("half a malasada someone brought", "half a malasada"),
        ("Lorraine brought a scone", "a scone"),  # a name: capitalised, in no USDA name
        ("cake i baked", "cake i baked"),
        ("Horlicks made with semi-skimmed milk", "Horlicks made with semi-skimmed milk"),
    ],
)
def test_who_brought_a_food_is_context(text: str, food: str) -> None:
    assert dishes.without_context(text) == food


@pytest.mark.parametrize(
    ("text", "read"),
    [
        # a remark in an aside goes; its amount is the last food's
        (
            "fried chicken, mac and cheese, collards (just a spoonful, dr said)",
            "fried chicken, mac and cheese, a spoonful collards",
        ),
        ("soda farl w bacon (Lorraine made a wee fry)", "soda farl w bacon"),
        ("avena (oatmeal w milk & cinnamon)", "oatmeal w milk & cinnamon"),  # joins kept
        ("sunday roast (chicken, potatoes, gravy)", "chicken, potatoes, gravy"),
        # an aside of words mostly in no food's name is a remark, whatever its grammar
        ("apple (mum would be proud)", "apple"),
        ("Ensure strawberry (doctor gave me a box)", "Ensure strawberry"),
        ("welsh cakes x2 (baked Sunday)", "welsh cakes x2"),
        ("pizza (shared w jamie, had half)", "pizza"),
        ("steamed sweet potato (goguma)", "steamed sweet potato"),  # the food's own name
        ("latkes x3 (Hanukkah, 4th candle at Marilyn's)", "latkes x3"),
        ("undhiyu & puri (she made mine w oil)", "undhiyu & puri"),  # what someone did
        ("curry (he made it)", "curry"),
        # an aside of food words qualifies the food, as before
        ("sandwich (tuna mayo)", "tuna mayo sandwich"),
        ("yogurt (plain)", "plain yogurt"),
        ("canned soup (vegetable beef)", "canned vegetable beef soup"),
    ],
)
def test_a_remark_in_an_aside_is_not_food(text: str, read: str) -> None:
    assert dishes.listed(text) == read


@pytest.mark.parametrize(("line", "plain"), [
    ("chicken mayo sandwich from Tesco express", "chicken mayo sandwich"),  # had been refused
    ("salad from tesco", "salad"),  # a shop's salad is read as any salad, not a cabbage salad
    ("tesco salad", "salad"),
    ("vending machine kitkat", "kitkat"),
])  # fmt: skip
def test_a_shop_that_sells_every_food_says_where_not_which(line: str, plain: str) -> None:
    assert dishes.without_context(line) == plain


def test_a_ready_meal_is_the_dish_bought_cooked() -> None:
    # it had been read as a chain's meal: a cottage pie with fries and a cola
    (item,) = resolve_line("Tea - Tesco cottage pie ready meal", region="uk").items
    assert item.food.name == "Shepherd's pie"


@pytest.mark.parametrize(("line", "plain"), [
    ("2 cans of monster for the essay", "2 cans of monster"),  # why, not what: had been refused
    ("coffee for the drive", "coffee"),
    ("latte in the library", "latte"),  # "in" before a setting only
    ("chicken in gravy", "chicken in gravy"),
    ("cake for two", "cake for two"),  # a number after "for" is left to the reading
    ("home for 34 hr reset", "home for 34 hr reset"),  # a place, not a food, before it
])  # fmt: skip
def test_why_and_where_a_food_was_eaten_is_not_the_food(line: str, plain: str) -> None:
    assert dishes.without_context(line) == plain
