//! Charts drawn on the server, as numbers an SVG template places: the
//! admin's pages carry no charting script, and a picture of the numbers
//! reads faster than a table of them (the table comes along for screen
//! readers).

use serde::Serialize;

/// The drawing's size in SVG units; it scales to its box.
const WIDTH: u32 = 720;
const HEIGHT: u32 = 240;
/// Room left of the bars for the scale's numbers, and below for dates.
const LEFT: u32 = 48;
const BOTTOM: u32 = 24;
const TOP: u32 = 8;

/// One bar: where it stands, and what it says when pointed at.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Bar {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub label: String,
    pub value: i64,
    /// Every few bars a date is written under the chart.
    pub tick: bool,
}

/// A horizontal line of the scale, with its number.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct GridLine {
    pub y: f32,
    pub value: i64,
}

/// A bar chart of values in order (days, oldest first).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct BarChart {
    pub width: u32,
    pub height: u32,
    /// Where the bars start and their baseline, for the axis.
    pub left: u32,
    pub baseline: u32,
    pub bars: Vec<Bar>,
    pub grid: Vec<GridLine>,
}

/// The chart of `points` (label, value): bars scaled to a round maximum,
/// the scale at zero, half and the maximum, a date under every seventh bar
/// counted back from the last.
pub fn bar_chart(points: &[(String, i64)]) -> BarChart {
    let top = round_up(points.iter().map(|(_, v)| *v).max().unwrap_or(0));
    let baseline = HEIGHT - BOTTOM;
    let plot = (baseline - TOP) as f32;
    let step = (WIDTH - LEFT) as f32 / points.len().max(1) as f32;
    let y_of = |v: i64| baseline as f32 - plot * v as f32 / top as f32;
    let bars = points
        .iter()
        .enumerate()
        .map(|(i, (label, value))| {
            let y = y_of((*value).max(0));
            Bar {
                x: LEFT as f32 + i as f32 * step + step * 0.1,
                y,
                width: step * 0.8,
                height: baseline as f32 - y,
                label: label.clone(),
                value: *value,
                tick: (points.len() - 1 - i).is_multiple_of(7),
            }
        })
        .collect();
    let grid = [0, top / 2, top]
        .into_iter()
        .map(|value| GridLine {
            y: y_of(value),
            value,
        })
        .collect();
    BarChart {
        width: WIDTH,
        height: HEIGHT,
        left: LEFT,
        baseline,
        bars,
        grid,
    }
}

/// The least of 2, 4, 10, 20, 40, 100… at or above `max`: a scale whose
/// half is a round number too.
fn round_up(max: i64) -> i64 {
    let mut unit = 1;
    loop {
        for top in [2 * unit, 4 * unit, 10 * unit] {
            if top >= max {
                return top;
            }
        }
        unit *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scale_is_round() {
        assert_eq!(round_up(0), 2);
        assert_eq!(round_up(3), 4);
        assert_eq!(round_up(7), 10);
        assert_eq!(round_up(11), 20);
        assert_eq!(round_up(390), 400);
        assert_eq!(round_up(401), 1000);
    }

    #[test]
    fn bars_stand_on_the_baseline_and_the_tallest_reaches_its_share() {
        let points: Vec<(String, i64)> = (0..30).map(|i| (format!("d{i}"), i)).collect();
        let chart = bar_chart(&points);
        assert_eq!(chart.bars.len(), 30);
        let last = chart.bars.last().unwrap();
        assert!(last.tick && chart.bars[22].tick && !chart.bars[21].tick);
        assert!((last.y + last.height - chart.baseline as f32).abs() < 0.01);
        // 29 of a scale of 40.
        let expected = (chart.baseline - TOP) as f32 * 29.0 / 40.0;
        assert!((last.height - expected).abs() < 0.01);
        assert_eq!(chart.bars[0].height, 0.0);
        assert_eq!(
            chart.grid.iter().map(|g| g.value).collect::<Vec<_>>(),
            [0, 20, 40]
        );
        assert!(chart.bars.iter().all(|b| b.x + b.width <= WIDTH as f32));
    }
}
