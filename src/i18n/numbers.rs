//! Numbers with decimals as each language writes them: a decimal comma in German, French
//! and Russian ("0,66"), a point in English and Chinese ("0.66").

use super::Locale;

impl Locale {
    /// The mark between a number's whole part and its decimals.
    pub fn decimal_separator(self) -> char {
        match self {
            Locale::En | Locale::ZhHans => '.',
            Locale::Ru | Locale::De | Locale::Fr => ',',
        }
    }
}

/// `value` with `places` decimals as `locale` writes it: "0.66" in English, "0,66" in
/// German.
pub fn format_decimal(value: f64, places: usize, locale: Locale) -> String {
    with_separator(format!("{value:.places$}"), locale)
}

/// The same with a sign on every number but zero, for changes: "+0.40", "-0,25".
pub fn format_signed(value: f64, places: usize, locale: Locale) -> String {
    with_separator(format!("{value:+.places$}"), locale)
}

fn with_separator(point: String, locale: Locale) -> String {
    match locale.decimal_separator() {
        '.' => point,
        mark => point.replacen('.', &mark.to_string(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_its_own_decimal_mark() {
        assert_eq!(format_decimal(0.657, 2, Locale::En), "0.66");
        assert_eq!(format_decimal(0.657, 2, Locale::ZhHans), "0.66");
        assert_eq!(format_decimal(0.657, 2, Locale::De), "0,66");
        assert_eq!(format_decimal(0.657, 2, Locale::Fr), "0,66");
        assert_eq!(format_decimal(0.657, 2, Locale::Ru), "0,66");
        assert_eq!(format_decimal(12.5, 1, Locale::Ru), "12,5");
        assert_eq!(format_decimal(3.0, 0, Locale::De), "3");
    }

    #[test]
    fn changes_carry_their_sign() {
        assert_eq!(format_signed(0.4, 2, Locale::En), "+0.40");
        assert_eq!(format_signed(-0.25, 2, Locale::Fr), "-0,25");
        assert_eq!(format_signed(-0.25, 2, Locale::En), "-0.25");
    }
}
