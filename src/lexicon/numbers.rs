//! Numbers: spelled cardinals and ordinals with their values.

use super::{Builder, Class};

/// `zero` … `nineteen`.
const ONES: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// `twenty` … `ninety`.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Spelled ordinals with their values.
const ORDINALS: &[(&str, f64)] = &[
    ("first", 1.0),
    ("second", 2.0),
    ("third", 3.0),
    ("fourth", 4.0),
    ("fifth", 5.0),
    ("sixth", 6.0),
    ("seventh", 7.0),
    ("eighth", 8.0),
    ("ninth", 9.0),
    ("tenth", 10.0),
    ("eleventh", 11.0),
    ("twelfth", 12.0),
    ("twentieth", 20.0),
    ("hundredth", 100.0),
    ("thousandth", 1000.0),
];

pub(super) fn add(b: &mut Builder) {
    for (value, word) in (0u8..).zip(ONES) {
        b.add(word, Class::CARDINAL).value = Some(f64::from(value));
    }
    for (tens, word) in (2u8..).zip(TENS) {
        b.add(word, Class::CARDINAL).value = Some(f64::from(tens) * 10.0);
    }
    for &(word, value) in ORDINALS {
        b.add(word, Class::ORDINAL).value = Some(value);
    }
}
