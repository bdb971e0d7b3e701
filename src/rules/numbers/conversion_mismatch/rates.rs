//! Yearly average exchange rates, in units of each currency per U.S. dollar, 1980 to 2024.
//!
//! Source: Board of Governors of the Federal Reserve System, release G.5A "Foreign Exchange
//! Rates (Annual)", annual averages of daily noon buying rates in New York, rounded to two or
//! three significant digits (pound sterling quoted there in dollars per pound, inverted here).
//! The euro starts in 1999; the Deutsche Mark runs to 1998. N004 only needs to tell a
//! conversion that is off by a third or more from one that is not, so the rounding does not
//! matter; check a value against the release before using it for anything finer.

/// The first year of every row.
pub const FIRST_YEAR: i32 = 1980;

/// The last year of every row.
pub const LAST_YEAR: i32 = 2024;

/// Per currency, its rate in each year from [`FIRST_YEAR`]; `0.0` where it did not exist.
pub const YEARLY: &[(&str, [f64; 45])] = &[
    (
        "GBP",
        [
            0.429, 0.493, 0.571, 0.658, 0.746, 0.769, 0.680, 0.610, 0.562, 0.610, // 1980s
            0.559, 0.565, 0.565, 0.667, 0.654, 0.633, 0.641, 0.610, 0.602, 0.617, // 1990s
            0.658, 0.694, 0.667, 0.613, 0.546, 0.550, 0.543, 0.500, 0.541, 0.637, // 2000s
            0.645, 0.624, 0.631, 0.640, 0.607, 0.654, 0.741, 0.775, 0.750, 0.783, // 2010s
            0.780, 0.727, 0.811, 0.804, 0.783, // 2020s
        ],
    ),
    (
        "EUR",
        [
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // 1980s
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.939, // 1990s
            1.085, 1.117, 1.058, 0.884, 0.805, 0.804, 0.797, 0.730, 0.680, 0.719, // 2000s
            0.755, 0.719, 0.778, 0.753, 0.754, 0.902, 0.904, 0.887, 0.847, 0.893, // 2010s
            0.877, 0.846, 0.951, 0.925, 0.924, // 2020s
        ],
    ),
    (
        "DEM",
        [
            1.82, 2.26, 2.43, 2.55, 2.85, 2.94, 2.17, 1.80, 1.76, 1.88, // 1980s
            1.62, 1.66, 1.56, 1.65, 1.62, 1.43, 1.50, 1.73, 1.76, 0.0, // 1990s
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // 2000s
            0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, // 2010s
            0.0, 0.0, 0.0, 0.0, 0.0, // 2020s
        ],
    ),
    (
        "JPY",
        [
            227.0, 221.0, 249.0, 238.0, 238.0, 239.0, 169.0, 145.0, 128.0, 138.0, // 1980s
            145.0, 135.0, 127.0, 111.0, 102.0, 94.0, 109.0, 121.0, 131.0, 114.0, // 1990s
            108.0, 122.0, 125.0, 116.0, 108.0, 110.0, 116.0, 118.0, 103.0, 94.0, // 2000s
            88.0, 80.0, 80.0, 98.0, 106.0, 121.0, 109.0, 112.0, 110.0, 109.0, // 2010s
            107.0, 110.0, 131.0, 140.0, 151.0, // 2020s
        ],
    ),
    (
        "CNY",
        [
            1.50, 1.70, 1.89, 1.98, 2.32, 2.94, 3.45, 3.72, 3.72, 3.77, // 1980s
            4.78, 5.32, 5.51, 5.76, 8.62, 8.35, 8.31, 8.29, 8.28, 8.28, // 1990s
            8.28, 8.28, 8.28, 8.28, 8.28, 8.19, 7.97, 7.61, 6.95, 6.83, // 2000s
            6.77, 6.46, 6.31, 6.20, 6.16, 6.23, 6.64, 6.76, 6.62, 6.91, // 2010s
            6.90, 6.45, 6.73, 7.08, 7.19, // 2020s
        ],
    ),
];

/// Units of `code` per U.S. dollar in `year`, from [`YEARLY`] (`USD` is 1).
pub fn in_year(code: &str, year: i32) -> Option<f64> {
    if code == "USD" {
        return Some(1.0);
    }
    let index = usize::try_from(year.checked_sub(FIRST_YEAR)?).ok()?;
    YEARLY
        .iter()
        .find(|(c, _)| *c == code)
        .and_then(|(_, rates)| rates.get(index).copied())
        .filter(|r| *r > 0.0)
}

/// The lowest and highest rate of `y` per `x` over the years `from..=to` that both currencies
/// have rates for.
pub fn range(x: &str, y: &str, from: i32, to: i32) -> Option<(f64, f64)> {
    (from..=to)
        .filter_map(|year| Some(in_year(y, year)? / in_year(x, year)?))
        .fold(None, |acc, r| match acc {
            None => Some((r, r)),
            Some((low, high)) => Some((f64::min(low, r), f64::max(high, r))),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollars_to_the_pound_in_2005_and_2017() {
        let (low, high) = range("GBP", "USD", 2005, 2005).unwrap_or_default();
        assert!((1.8..1.85).contains(&low) && low == high);
        let (low, high) = range("GBP", "USD", 2016, 2018).unwrap_or_default();
        assert!(low > 1.25 && high < 1.36, "{low} {high}");
        assert!(range("EUR", "USD", 1990, 1995).is_none());
        assert_eq!(in_year("USD", 1970), Some(1.0));
        assert_eq!(in_year("GBP", 1970), None);
    }
}
