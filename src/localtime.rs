//! Times as a person reads them: in the machine's own time zone, with the
//! zone named (`2026-12-08 05:54 JST`), and, in a command printed for the
//! user to run, with the offset (`2026-11-30T00:00+09:00`) so that the same
//! command means the same instant on any machine. Files read by programs
//! (JSON, SARIF, JUnit) keep RFC 3339 UTC and do not come here.

use jiff::Timestamp;
use jiff::tz::TimeZone;

/// The zone a person at this machine reads times in: `TZ`, else the
/// system's setting, else UTC (jiff's order).
pub fn reader_zone() -> TimeZone {
    TimeZone::system()
}

/// `2026-12-08 05:54 JST`: minutes are what a person compares.
pub fn for_reader(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    format!("{} {}", z.strftime("%Y-%m-%d %H:%M"), zone_label(&z))
}

/// `2026-12-08 05:54:07 JST`, where seconds matter (a withdrawal, a login).
pub fn for_reader_seconds(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    format!("{} {}", z.strftime("%Y-%m-%d %H:%M:%S"), zone_label(&z))
}

/// `2026-11-30T00:00+09:00`: an argument for `--since`/`--until` that the
/// tool parses back to the same instant.
pub fn for_command(ts: Timestamp, tz: &TimeZone) -> String {
    let z = ts.to_zoned_datetime(tz.clone());
    let offset = z.strftime("%:z").to_string();
    let offset = if offset == "+00:00" {
        "Z".to_string()
    } else {
        offset
    };
    format!("{}{offset}", z.strftime("%Y-%m-%dT%H:%M"))
}

/// A Binance time (milliseconds since 1970, UTC) as a timestamp; `None`
/// for a value no clock can show.
pub fn from_millis(ms: i64) -> Option<Timestamp> {
    Timestamp::from_millisecond(ms).ok()
}

/// The zone's abbreviation where it has a lettered one (JST, CET, UTC),
/// else the offset (`UTC+05:45`): tzdata spells some zones "+0545", which
/// reads as a number, not a zone.
fn zone_label(z: &jiff::ZonedDateTime) -> String {
    let abbr = z.strftime("%Z").to_string();
    if abbr.chars().all(|c| c.is_ascii_alphabetic()) && !abbr.is_empty() {
        abbr
    } else {
        format!("UTC{}", z.strftime("%:z"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tz(name: &str) -> TimeZone {
        TimeZone::get(name).unwrap()
    }

    #[test]
    fn tokyo_reads_japan_time_with_its_zone() {
        let ts: Timestamp = "2026-12-07T20:54:42Z".parse().unwrap();
        assert_eq!(for_reader(ts, &tz("Asia/Tokyo")), "2026-12-08 05:54 JST");
        assert_eq!(
            for_reader_seconds(ts, &tz("Asia/Tokyo")),
            "2026-12-08 05:54:42 JST"
        );
        assert_eq!(for_reader(ts, &TimeZone::UTC), "2026-12-07 20:54 UTC");
    }

    #[test]
    fn commands_carry_the_offset_and_parse_back_to_the_same_instant() {
        let ts: Timestamp = "2026-11-29T15:00:00Z".parse().unwrap();
        let arg = for_command(ts, &tz("Asia/Tokyo"));
        assert_eq!(arg, "2026-11-30T00:00+09:00");
        // The tool's own --since parser adds the seconds the same way.
        let back: Timestamp = arg.replacen("+09:00", ":00+09:00", 1).parse().unwrap();
        assert_eq!(back, ts);
        assert_eq!(for_command(ts, &TimeZone::UTC), "2026-11-29T15:00Z");
    }

    #[test]
    fn zones_without_a_lettered_name_show_their_offset() {
        let ts: Timestamp = "2026-06-01T00:00:00Z".parse().unwrap();
        // Asia/Kathmandu is "+0545" in tzdata.
        assert_eq!(
            for_reader(ts, &tz("Asia/Kathmandu")),
            "2026-06-01 05:45 UTC+05:45"
        );
    }

    #[test]
    fn binance_millis_outside_any_calendar_are_refused() {
        assert!(from_millis(1_764_000_000_000).is_some());
        assert!(from_millis(i64::MAX).is_none());
    }
}
