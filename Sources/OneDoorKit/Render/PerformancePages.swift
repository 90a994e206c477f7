internal import Foundation

/// The "How we did" section of a service page, and `performance.html`: results against targets, as
/// tables with a chart of each trend beside them.
extension SiteRenderer {
    /// How many of its latest periods a service page shows.
    static let periodsOnServicePage = 6
    /// How many of the latest periods the board pack's tables show.
    static let periodsInBoardPack = 8

    /// The section's values for a service with results; nil for one without.
    func howWeDid(_ service: Service) -> TemplateValues? {
        let results = index.performance.results(for: service, model: index.supportModelsByID[service.supportModel.value])
        guard !results.isEmpty else { return nil }
        let byPriority = Dictionary(grouping: results, by: \.priority)
        let priorities = index.performance.priorities.compactMap { priority -> TemplateValues? in
            guard let rows = byPriority[priority.id]?.suffix(Self.periodsOnServicePage), !rows.isEmpty else { return nil }
            return resultTable(Array(rows), priority: priority, chartID: "trend-\(priority.id)", subject: service.name)
        }
        return TemplateValues(["priorities": priorities])
    }

    /// One priority's results, oldest first, as a table and a chart. The chart's description sums the
    /// trend up (how often the target was met, the latest period, the target) and leaves every period
    /// to the table, its text alternative, so that a screen reader does not read each number twice.
    private func resultTable(_ rows: [PerformanceResults.Result], priority: Priority, chartID: String, subject: String) -> TemplateValues {
        let target = rows.last?.target
        // Every row of a table most often has the priority's current target: its percent is written once.
        let targetShown = target.map { wording.percent($0.percent) }
        func percent(of rowTarget: Target) -> String {
            if let target, let targetShown, rowTarget == target { return targetShown }
            return wording.percent(rowTarget.percent)
        }
        let targetText = target.map { wording("results.target_text", percent(of: $0), wording.duration($0.resolve)) }
        let chart = TrendChart(
            id: chartID, title: wording("results.chart_title", subject, priority.name),
            description: chartDescription(rows, targetText: targetText),
            points: rows.map { TrendChart.Point(label: wording.period($0.period, short: true), value: $0.achieved, met: $0.met) },
            target: target.map { ($0.percent, wording("results.chart_target", percent(of: $0))) }, isPercent: true, wording: wording)
        return TemplateValues(values: [
            "name": .string(priority.name), "id": .string(priority.id),
            "heading": .string(priority.name + (targetText.map { wording("colon") + $0 } ?? "")),
            "caption": .string(wording("results.caption", priority.name)),
            "chart": .bytes(chart.svg),
            "rows": .bytes(tableRows(rows, targetPercent: percent)),
        ])
    }

    /// The table's rows, oldest first, as HTML: period, achieved, target, result (met or missed, in
    /// words), tickets resolved. Written here, like the chart, and placed by `results.mustache`: a
    /// catalogue of 10,000 services has 240,000 of them, which as values for a template cost a tenth
    /// of its build.
    private func tableRows(_ rows: [PerformanceResults.Result], targetPercent: (Target) -> String) -> [UInt8] {
        let met = wording("results.met"), noTickets = wording("results.no_tickets")
        var html = Markup(capacity: rows.count * 150)
        for row in rows {
            html.add("<tr><th scope=\"row\">"); html.add(escaping: wording.period(row.period))
            html.add("</th><td>"); html.add(escaping: row.shownAchieved.map(wording.share) ?? "—")
            html.add("</td><td>"); html.add(escaping: row.target.map(targetPercent) ?? "—")
            html.add("</td><td>")
            switch row.met {
            case true?: html.add("<strong class=\"verdict verdict-met\">"); html.add(escaping: met); html.add("</strong>")
            case false?: html.add("<strong class=\"verdict verdict-missed\">"); html.add(escaping: verdict(row) ?? noTickets); html.add("</strong>")
            case nil: html.add(escaping: noTickets)
            }
            html.add("</td><td>"); html.add(escaping: wording.number(row.resolved)); html.add("</td></tr>\n")
        }
        return html.bytes
    }

    /// "Target met in 5 of 6 periods, July 2026 to December 2026. December 2026: 80%, missed by 19.0
    /// points. Target: 99% resolved within 2 hours."
    private func chartDescription(_ rows: [PerformanceResults.Result], targetText: String?) -> String {
        guard let first = rows.first, let last = rows.last else { return "" }
        var sentences: [String] = []
        let judged = rows.filter { $0.met != nil }
        if judged.count > 1 {
            sentences.append(wording("results.chart_met_count", wording.number(judged.count { $0.met == true }), wording.number(judged.count),
                                     wording.period(first.period), wording.period(last.period)))
        }
        if judged.isEmpty, rows.count > 1 {
            sentences.append(wording("results.chart_no_tickets", wording.period(first.period), wording.period(last.period)))
        } else {
            let latest = last.shownAchieved.map(wording.share) ?? wording("results.no_tickets").lowercased()
            // A sentence of its own: French months are lower case ("août 2026"), but not at its start.
            let period = wording.period(last.period)
            sentences.append(wording("results.chart_period", period.prefix(1).uppercased() + period.dropFirst(), latest)
                + (verdict(last).map { ", \($0.lowercased())" } ?? "") + ".")
        }
        if let targetText { sentences.append(wording("results.chart_target_sentence", targetText)) }
        return sentences.joined(separator: " ")
    }

    /// "Met", or "Missed by 2.3 points", in words; nil when there is nothing to judge.
    func verdict(_ row: PerformanceResults.Result) -> String? {
        guard let met = row.met, let shown = row.shownAchieved, let target = row.target else { return nil }
        // The gap between the numbers the reader sees: the achieved level as shown.
        return met ? wording("results.met") : wording("results.missed_by", wording.decimal(target.percent - shown))
    }

    // MARK: - performance.html

    func performancePage() -> OutputFile {
        let pack = BoardPack(index.performance)
        let periods = Array(pack.periods.suffix(Self.periodsInBoardPack))
        let everyone = pack.results.filter { $0.customer == nil }
        let priorities = index.performance.priorities.compactMap { priority -> TemplateValues? in
            let rows = everyone.filter { $0.priority == priority.id && periods.contains($0.period) }
            guard !rows.isEmpty else { return nil }
            var values = resultTable(rows, priority: priority, chartID: "trend-\(priority.id)", subject: catalogue.settings.title)
            if !pack.customers.isEmpty {
                values = values.adding(["customers": pack.customerGrid(priority: priority.id, periods: periods).map { line in
                    TemplateValues(["customer": line.customer ?? wording("pack.all_customers"), "cells": line.cells.map { cell in
                        TemplateValues(["achieved": cell?.shownAchieved.map(wording.share) ?? "—",
                                        "verdict": cell.flatMap(verdict) ?? ""])
                    }])
                }, "periodNames": periods.map { wording.period($0, short: true) }, "customersCaption": wording("pack.by_customer", priority.name)])
            }
            return values
        }
        let volumes = pack.volumes(periods: periods)
        let volumeChart = TrendChart(
            id: "trend-volume", title: wording("pack.volume_chart"),
            description: volumes.map { wording("results.chart_period", wording.period($0.period), wording.number($0.resolved)) }
                .joined(separator: "; ") + ".",
            points: volumes.map { TrendChart.Point(label: wording.period($0.period, short: true), value: Double($0.resolved), met: nil) },
            target: nil, isPercent: false, wording: wording)
        let satisfaction = pack.satisfaction(periods: periods)
        let services = index.performance.measuredServices.compactMap { index.servicesByID[$0] }.map { service in
            let latest = index.performance.results(for: service, model: index.supportModelsByID[service.supportModel.value])
            let last = latest.map(\.period).max()
            let inLast = latest.filter { $0.period == last }
            return TemplateValues([
                "name": service.name, "href": SitePaths.service(service.id),
                "period": last.map { wording.period($0) } ?? "—",
                "metCount": inLast.count { $0.met == true }, "hasMissed": inLast.contains { $0.met == false },
                "missed": inLast.filter { $0.met == false }.map { index.prioritiesByID[$0.priority]?.name ?? $0.priority }.joined(separator: ", "),
            ])
        }
        return page(SitePaths.performance, template: "performance", title: wording("pack.title"),
                    description: wording("pack.description"),
                    values: [
                        "lead": pack.periods.last.map { wording("pack.lead_to", wording.period($0)) } ?? wording("pack.lead"),
                        "headlines": pack.headlines(wording: wording, priorityName: { index.prioritiesByID[$0]?.name ?? $0 })
                            + majorIncidentHeadline(latest: pack.periods.last),
                        "priorities": priorities,
                        "volumes": volumes.map { volume in
                            TemplateValues(["period": wording.period(volume.period), "resolved": wording.number(volume.resolved),
                                            "opened": volume.opened.map(wording.number) ?? "—",
                                            "byPriority": index.performance.priorities.map { wording.number(volume.byPriority[$0.id] ?? 0) }])
                        },
                        "priorityNames": index.performance.priorities.map(\.name),
                        "volumeChart": volumes.count > 1 ? TemplateValue.bytes(volumeChart.svg) : nil,
                        "satisfaction": satisfaction.map { row in
                            TemplateValues(["period": wording.period(row.period), "satisfied": wording.number(row.satisfaction.satisfied),
                                            "neutral": wording.number(row.satisfaction.neutral),
                                            "dissatisfied": wording.number(row.satisfaction.dissatisfied),
                                            "net": row.satisfaction.netScore.map { String(format: "%+.0f", $0) } ?? "—"])
                        },
                        "services": services,
                        "majorIncidents": majorIncidents(in: periods),
                    ],
                    breadcrumbs: [(name: wording("nav.home"), href: SitePaths.home)], flags: ["isPerformance"])
    }

    /// "1 major incident in October 2026: Email unavailable for everyone."
    private func majorIncidentHeadline(latest: Period?) -> [String] {
        guard let latest else { return [] }
        let titles = majorIncidentEntries(startingIn: latest).map(\.notice.title)
        guard !titles.isEmpty else { return [] }
        return [wording(titles.count == 1 ? "headline.major_one" : "headline.major_many", wording.number(titles.count), wording.period(latest),
                        titles.joined(separator: "; "))]
    }

    private func majorIncidentEntries(startingIn period: Period) -> [NoticeBoard.Entry] {
        board.entries.filter { entry in
            let day = entry.notice.start.value.day
            return entry.notice.kind == .incident && entry.notice.severity?.value == .major && period.months.contains(day.year * 12 + day.month - 1)
        }
    }

    /// The major incidents that started in each period, newest period first; empty when there are none.
    private func majorIncidents(in periods: [Period]) -> [TemplateValues] {
        periods.reversed().compactMap { period -> TemplateValues? in
            let started = majorIncidentEntries(startingIn: period)
            guard !started.isEmpty else { return nil }
            return TemplateValues(["period": wording.period(period), "notices": started.reversed().map(noticeSummary)])
        }
    }
}
