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
        // The results come a priority after another, in the catalogue's order: each run of them is a table.
        var tables: [TemplateValues] = []
        var start = results.startIndex
        while start < results.endIndex {
            let id = results[start].priority
            let end = results[start...].firstIndex { $0.priority != id } ?? results.endIndex
            if let priority = index.performance.priorities.first(where: { $0.id == id }) {
                tables.append(resultTable(Array(results[max(start, end - Self.periodsOnServicePage)..<end]), priority: priority,
                                          chartID: "trend-\(id)", subject: service.name))
            }
            start = end
        }
        return TemplateValues(["priorities": tables])
    }

    /// One priority's results, oldest first, as a table and a chart. The chart's description sums the
    /// trend up (how often the target was met, the latest period, the target) and leaves every period
    /// to the table, its text alternative, so that a screen reader does not read each number twice.
    private func resultTable(_ rows: [PerformanceResults.Result], priority: Priority, chartID: String, subject: String) -> TemplateValues {
        let wording = wording
        let target = rows.last?.target
        let words = context.resultWords[ResultWords.Key(priority: priority.id, target: target)]
            ?? ResultWords(priority: priority, target: target, wording: wording)
        var points: [TrendChart.Point] = []
        points.reserveCapacity(rows.count)
        for row in rows { points.append(TrendChart.Point(label: periodName(row.period, short: true), value: row.achieved, met: row.met)) }
        let chart = TrendChart(
            id: chartID, title: wording("results.chart_title", subject, priority.name),
            description: chartDescription(rows, targetSentence: words.targetSentence), points: points,
            target: target.map { ($0.percent, words.chartTarget ?? "") }, isPercent: true, wording: wording)
        return TemplateValues(values: [
            "name": .string(priority.name), "id": .string(priority.id), "heading": .string(words.heading), "caption": .string(words.caption),
            "chart": .bytes(chart.svg), "rows": .bytes(tableRows(rows, words: words, target: target)),
        ])
    }

    /// A period as pages write it (`October 2026`, `Oct 2026` when `short`), looked up among those
    /// worked out once a build.
    private func periodName(_ period: Period, short: Bool = false) -> String {
        guard let names = context.periodNames[period] else { return wording.period(period, short: short) }
        return short ? names.short : names.long
    }

    /// The table's rows, oldest first, as HTML: period, achieved, target, result (met or missed, in
    /// words), tickets resolved. Written here, like the chart, and placed by `results.mustache`: a
    /// catalogue of 10,000 services has 240,000 of them, which as values for a template cost a tenth
    /// of its build. Written without closures or nested functions over `self`, each of which would copy
    /// the renderer, with all it holds, for every table.
    private func tableRows(_ rows: [PerformanceResults.Result], words: ResultWords, target: Target?) -> [UInt8] {
        let wording = wording
        var html = Markup(capacity: rows.count * 150)
        for row in rows {
            html.add("<tr><th scope=\"row\">"); html.add(escaping: periodName(row.period))
            html.add("</th><td>")
            if let achieved = row.shownAchieved { html.add(escaping: wording.share(achieved)) } else { html.add("—") }
            html.add("</td><td>")
            // Every row of a table most often has the priority's current target, whose percent is written once.
            if let rowTarget = row.target {
                html.add(escaping: rowTarget == target ? words.targetPercent ?? "" : wording.percent(rowTarget.percent))
            } else {
                html.add("—")
            }
            html.add("</td><td>")
            switch row.met {
            case true?: html.add("<strong class=\"verdict verdict-met\">"); html.add(escaping: words.met); html.add("</strong>")
            case false?: html.add("<strong class=\"verdict verdict-missed\">"); html.add(escaping: verdict(row) ?? words.noTickets); html.add("</strong>")
            case nil: html.add(escaping: words.noTickets)
            }
            html.add("</td><td>"); html.add(escaping: wording.number(row.resolved)); html.add("</td></tr>\n")
        }
        return html.bytes
    }

    /// "Target met in 5 of 6 periods, July 2026 to December 2026. December 2026: 80%, missed by 19.0
    /// points. Target: 99% resolved within 2 hours."
    private func chartDescription(_ rows: [PerformanceResults.Result], targetSentence: String?) -> String {
        guard let first = rows.first, let last = rows.last else { return "" }
        let wording = wording
        var sentences: [String] = []
        let judged = rows.count { $0.met != nil }, met = rows.count { $0.met == true }
        if judged > 1 {
            sentences.append(wording("results.chart_met_count", wording.number(met), wording.number(judged),
                                     periodName(first.period), periodName(last.period)))
        }
        if judged == 0, rows.count > 1 {
            sentences.append(wording("results.chart_no_tickets", periodName(first.period), periodName(last.period)))
        } else {
            let latest = last.shownAchieved.map { wording.share($0) } ?? wording("results.no_tickets").lowercased()
            // A sentence of its own: French months are lower case ("août 2026"), but not at its start.
            let period = periodName(last.period)
            sentences.append(wording("results.chart_period", period.prefix(1).uppercased() + period.dropFirst(), latest)
                + (verdict(last).map { ", \($0.lowercased())" } ?? "") + ".")
        }
        if let targetSentence { sentences.append(targetSentence) }
        return sentences.joined(separator: " ")
    }

    /// "Met", or "Missed by 2.3 points", in words; nil when there is nothing to judge.
    func verdict(_ row: PerformanceResults.Result) -> String? {
        guard let met = row.met, let shown = row.shownAchieved, let target = row.target else { return nil }
        let wording = wording
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
                    TemplateValues(["customer": line.customer.map(catalogue.settings.customerName) ?? wording("pack.all_customers"), "cells": line.cells.map { cell in
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

/// What a results table and its chart say of their priority and target, the same on every service
/// page whose latest results have them: worked out once a build for every priority and support
/// model's target (`PageContext.resultWords`), not for each table of thousands of pages.
struct ResultWords: Sendable {
    struct Key: Hashable, Sendable {
        let priority: String
        let target: Target?
    }

    /// The target's percent, `95%`, which most rows of a table have.
    let targetPercent: String?
    /// "Target: 95% resolved within 4 working hours.", the end of the chart's description.
    let targetSentence: String?
    /// "Priority 1: 95% resolved within 4 working hours".
    let heading: String
    let caption: String
    /// The label of the chart's target line.
    let chartTarget: String?
    let met: String
    let noTickets: String

    init(priority: Priority, target: Target?, wording: Wording) {
        let percent = target.map { wording.percent($0.percent) }
        let text = target.map { wording("results.target_text", percent ?? "", wording.duration($0.resolve)) }
        targetPercent = percent
        targetSentence = text.map { wording("results.chart_target_sentence", $0) }
        heading = priority.name + (text.map { wording("colon") + $0 } ?? "")
        caption = wording("results.caption", priority.name)
        chartTarget = percent.map { wording("results.chart_target", $0) }
        met = wording("results.met")
        noTickets = wording("results.no_tickets")
    }
}
