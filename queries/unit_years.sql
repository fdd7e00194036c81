-- unit_years: the visible years (published; drafts for editors) in which units named in a link
-- have results, with how many of them each year has: a link's units open in their latest year.
-- Parameters: $units (unit ids joined by commas: ids never hold one), $group
-- Columns: year, n_units
SELECT s.year, count(DISTINCT s.unit_id) AS n_units
FROM standing s
WHERE list_contains(string_split($units, ','), s.unit_id) AND s.unit_group = $group AND visible(s.status)
GROUP BY s.year
ORDER BY s.year;
