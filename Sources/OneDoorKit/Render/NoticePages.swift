/// Notices on the portal: the status of each service at the top of its page and beside it in lists,
/// the home page's "Service status", a page per notice, `notices.html` and the Atom feed.
extension SiteRenderer {
    var board: NoticeBoard { index.board }

    // MARK: - Values

    /// A notice as lists show it.
    func noticeSummary(_ entry: NoticeBoard.Entry) -> TemplateValues {
        let notice = entry.notice
        return TemplateValues([
            "id": notice.id, "title": notice.title, "href": SitePaths.notice(notice.id),
            "kind": notice.kind.rawValue, "kindName": kindName(notice.kind),
            "severityName": notice.severity.map { wording($0.value == .major ? "severity.major" : "severity.minor") },
            "phase": Self.phaseClass(entry), "phaseName": phaseName(entry),
            "isCurrent": entry.phase == .current, "isUpcoming": entry.phase == .upcoming,
            "start": time(entry.start), "end": entry.end.map(time), "endLabel": endLabel(entry),
            "startLabel": wording(entry.phase == .upcoming || entry.phase == .scheduled ? "notice.starts" : "notice.started"),
            "servicesText": notice.services.map { index.servicesByID[$0.value]?.name ?? $0.value }.joined(separator: ", "),
            "whenText": whenText(entry),
            "services": notice.services.map { reference in
                TemplateValues(["name": index.servicesByID[reference.value]?.name ?? reference.value,
                                "href": SitePaths.service(reference.value)])
            },
        ])
    }

    /// A moment as pages show it: `<time datetime>` parts.
    func time(_ seconds: Int) -> TemplateValues {
        let local = board.timeZone.localTime(atSecondsSince1970: seconds)
        return TemplateValues([
            "iso": "\(local.day)T\(local.clock)\(board.timeZone.offsetText(at: seconds))",
            "text": "\(wording.date(local.day)), \(local.clock)",
        ])
    }

    /// `Since 5 November 2018, 09:30`; `5 November 2018, 09:30 to 14:00`; in French `Du … au …`.
    private func whenText(_ entry: NoticeBoard.Entry) -> String {
        let start = board.timeZone.localTime(atSecondsSince1970: entry.start)
        let startText = "\(wording.date(start.day)), \(start.clock)"
        guard let endSeconds = entry.end else { return wording("when.since", startText) }
        let end = board.timeZone.localTime(atSecondsSince1970: endSeconds)
        let endText = end.day == start.day ? end.clock : "\(wording.date(end.day)), \(end.clock)"
        return wording("when.range", startText, endText)
    }

    /// What a page says about the zone of its times.
    var timeZoneText: String {
        board.timeZone.identifier == "UTC" ? wording("status.times_utc") : wording("status.times_zone", board.timeZone.identifier)
    }

    func kindName(_ kind: Notice.Kind) -> String {
        switch kind {
        case .incident: wording("kind.incident")
        case .plannedChange: wording("kind.planned_change")
        case .announcement: wording("kind.announcement")
        }
    }

    func phaseName(_ entry: NoticeBoard.Entry) -> String {
        switch (entry.phase, entry.notice.kind) {
        case (.current, .incident): wording("phase.ongoing")
        case (.current, .plannedChange): wording("phase.in_progress")
        case (.current, .announcement): wording("phase.current")
        case (.upcoming, _): wording("phase.coming_up")
        case (.scheduled, _): wording("phase.scheduled")
        case (.past, .incident): wording("phase.resolved")
        case (.past, _): wording("phase.ended")
        }
    }

    /// The class of a notice's tag: an incident under way is the loudest, an announcement the quietest.
    static func phaseClass(_ entry: NoticeBoard.Entry) -> String {
        switch (entry.phase, entry.notice.kind) {
        case (.past, _): "past"
        case (.current, .incident): "current"
        case (_, .plannedChange): "maintenance"
        default: "announcement"
        }
    }

    /// What the end of a notice is called: "Resolved", "Ends", "Ended".
    func endLabel(_ entry: NoticeBoard.Entry) -> String {
        switch (entry.phase, entry.notice.kind) {
        case (.past, .incident): wording("notice.resolved")
        case (.past, _): wording("notice.ended")
        default: wording("notice.ends")
        }
    }

    /// A service's state as lists show it beside its name; nil when it runs as usual.
    static func stateValues(_ state: NoticeBoard.State?, wording: Wording) -> TemplateValues? {
        stateWord(state, wording: wording).map { TemplateValues(["kind": $0.kind, "word": $0.word]) }
    }

    /// A state's class name and its word.
    static func stateWord(_ state: NoticeBoard.State?, wording: Wording) -> (kind: String, word: String)? {
        switch state {
        case nil: nil
        case .disrupted: ("disrupted", wording("state.disrupted"))
        case .maintenance: ("maintenance", wording("state.maintenance"))
        case .mayBeAffected: ("affected", wording("state.affected"))
        }
    }

    /// The box at the top of a service page: its state and the notices that name it; nil when there
    /// is nothing to say.
    func serviceStatus(_ service: Service) -> TemplateValues? {
        let notices = board.active(naming: service.id)
        let state = board.states[service.id]
        guard state != nil || !notices.isEmpty else { return nil }
        var values: [String: (any TemplateRepresentable)?] = [
            "notices": notices.map(noticeSummary), "state": Self.stateValues(state, wording: wording),
        ]
        switch state {
        case .disrupted: values["headline"] = wording("state.headline_disrupted")
        case .maintenance: values["headline"] = wording("state.headline_maintenance")
        case let .mayBeAffected(through: path):
            // "It depends on Laptops, which depends on Remote Access, which is disrupted."
            values["headline"] = wording("state.headline_affected")
            values["chain"] = path.dropFirst().enumerated().map { offset, id in
                TemplateValues(["name": index.servicesByID[id]?.name ?? id, "href": SitePaths.service(id), "isLater": offset > 0])
            }
            if case .maintenance = board.states[path.last!] {
                values["causeText"] = wording("state.cause_maintenance")
            } else {
                values["causeText"] = wording("state.cause_disrupted")
            }
        case nil: values["headline"] = wording(notices.contains { $0.phase == .upcoming } ? "state.headline_upcoming" : "state.headline_notice")
        }
        return TemplateValues(values)
    }

    /// The home page's "Service status": current and upcoming notices, or a calm line.
    var homeStatus: TemplateValues {
        let built = time(board.now)
        return TemplateValues([
            "notices": board.active.map(noticeSummary), "hasNotices": !board.active.isEmpty,
            "builtAt": built, "hasAnyNotice": !board.entries.isEmpty, "timeZoneText": timeZoneText,
        ])
    }

    /// The drawing of a service's neighbourhood, two levels each way; nil for a service on its own.
    func dependencyMap(_ service: Service) -> String? {
        let up1 = service.dependsOn.compactMap { index.servicesByID[$0.value] }
        let down1 = index.dependents[service.id] ?? []
        guard !up1.isEmpty || !down1.isEmpty else { return nil }
        var seen: Set<String> = [service.id]
        func fresh(_ services: [Service]) -> [Service] { services.filter { seen.insert($0.id).inserted } }
        let (near, below) = (fresh(up1), fresh(down1))
        let far = fresh(near.flatMap { $0.dependsOn.compactMap { index.servicesByID[$0.value] } })
        let farBelow = fresh(below.flatMap { index.dependents[$0.id] ?? [] })
        let node = { (service: Service) in
            DependencyMap.Node(name: service.name, state: Self.stateWord(self.board.states[service.id], wording: self.wording)?.word)
        }
        let levels: [(String, [Service])] = [
            (wording("map.far_up"), far), (wording("map.near_up"), near), ("", [service]), (wording("map.near_down"), below),
            (wording("map.far_down"), farBelow),
        ]
        let kept = levels.enumerated().filter { $0.offset == 2 || !$0.element.1.isEmpty }
        let names = { (services: [Service]) in services.map(\.name).joined(separator: ", ") }
        var sentences = [wording("map.depends", service.name, near.isEmpty ? wording("map.depends_nothing") : names(near))]
        if !far.isEmpty { sentences.append(wording("map.which_depend", names(far))) }
        var description = sentences.joined(separator: ", ") + ". "
        description += below.isEmpty ? wording("map.no_dependents")
            : wording("map.used_by", names(below)) + (farBelow.isEmpty ? "." : wording("map.which_used", names(farBelow)))
        let noticed = ([service] + near + far + below + farBelow).filter { board.states[$0.id] != nil }
        if !noticed.isEmpty {
            description += " " + noticed.map { wording("results.chart_period", $0.name, Self.stateWord(board.states[$0.id], wording: wording)!.word) }
                .joined(separator: "; ") + "."
        }
        return DependencyMap(
            id: "dependency-map", title: wording("map.title", service.name), description: description,
            levels: kept.map { DependencyMap.Level(heading: $0.element.0, nodes: $0.element.1.map(node)) },
            centre: kept.firstIndex { $0.offset == 2 }!, more: { wording("map.more", String($0)) }).svg
    }

    // MARK: - Pages

    func noticePage(_ entry: NoticeBoard.Entry) -> OutputFile {
        let notice = entry.notice
        let affected = board.reach(of: notice)
        let name = { (id: String) in index.servicesByID[id]?.name ?? id }
        let body = Markdown.render(notice.body) { ServiceLink($0).map(SitePaths.href) }
        let local = { (seconds: Int) in self.time(seconds) }
        let values: [String: (any TemplateRepresentable)?] = [
            "notice": noticeSummary(entry).adding([
                "reference": notice.reference, "cause": notice.cause,
                "customers": notice.customers.isEmpty ? nil : notice.customers.map { catalogue.settings.customerName($0.value) }.joined(separator: ", "),
                "isOpenIncident": notice.kind == .incident && notice.end == nil,
            ]),
            "bodyHTML": body.html,
            "updates": notice.updates.map { update in
                TemplateValues(["at": local(board.timeZone.secondsSince1970(of: update.at.value)), "text": update.text])
            },
            "affected": affected.map { impact in
                TemplateValues(["name": name(impact.service), "href": SitePaths.service(impact.service),
                                "through": wording("notice.depends_on", impact.path.dropFirst().map(name).joined(separator: " → "))])
            },
            "timeZoneText": timeZoneText,
            "affectedLead": wording("notice.may_be_affected_lead", notice.services.map { name($0.value) }.joined(separator: ", ")),
        ]
        return page(SitePaths.notice(notice.id), template: "notice", title: notice.title,
                    description: wording("results.chart_period", kindName(notice.kind), notice.title) + ". \(whenText(entry)).", values: values,
                    breadcrumbs: [(wording("nav.home"), SitePaths.home), (wording("nav.notices"), SitePaths.notices)])
    }

    func noticesPage() -> OutputFile {
        let groups: [(String, String, [NoticeBoard.Entry])] = [
            ("now", wording("notices.now"), board.active),
            ("scheduled", wording("notices.scheduled"), board.entries.filter { $0.phase == .scheduled }),
            ("past", wording("notices.past"), board.entries.filter { $0.phase == .past }),
        ]
        return page(SitePaths.notices, template: "notices", title: wording("notices.title"),
                    description: wording("notices.description"),
                    values: [
                        "groups": groups.filter { !$0.2.isEmpty }.map { id, heading, entries in
                            TemplateValues(["id": id, "heading": heading, "notices": entries.map(noticeSummary)])
                        },
                        "builtAt": time(board.now), "timeZoneText": timeZoneText,
                    ], breadcrumbs: [(wording("nav.home"), SitePaths.home)], flags: ["isNotices"])
    }

    // MARK: - Atom

    /// `notices.xml`: every notice, newest first, as an Atom 1.0 feed (RFC 4287). Ids stay the same
    /// from build to build; `updated` is the latest update a notice has had.
    func noticesFeed() -> OutputFile {
        let settings = catalogue.settings
        let base = settings.baseURL
        let feedID = base.map { $0 + SitePaths.noticesFeed } ?? StableID.urn("\(settings.organisation)\n\(settings.title)\nnotices")
        let iso = { (seconds: Int) in self.board.timeZone.rfc3339(atSecondsSince1970: seconds) }
        let updated = board.entries.map(\.updated).max() ?? board.now
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"\(base.map { " xml:base=\"\(XML.escape($0))\"" } ?? "")>
              <id>\(XML.escape(feedID))</id>
              <title>\(XML.escape(wording("notices.feed_title")))</title>
              <subtitle>\(XML.escape(wording("notices.lead")))</subtitle>
              <updated>\(iso(updated))</updated>
              <author><name>\(XML.escape(settings.organisation))</name></author>
              <link rel="alternate" type="text/html" href="\(SitePaths.notices)"/>

            """
        if let base { xml += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"\(XML.escape(base + SitePaths.noticesFeed))\"/>\n" }
        for entry in board.entries {
            let notice = entry.notice
            let id = base.map { $0 + SitePaths.notice(notice.id) } ?? StableID.urn("\(settings.organisation)\n\(settings.title)\nnotice\n\(notice.id)")
            let body = Markdown.render(notice.body) { ServiceLink($0).map { "services/\($0.id).html" + ($0.anchor.map { "#" + $0 } ?? "") } }
            var summary = "\(kindName(notice.kind))\(notice.severity.map { " (\(wording($0.value == .major ? "severity.major" : "severity.minor").lowercased()))" } ?? "") – "
                + wording("results.chart_period", phaseName(entry), whenText(entry)) + "."
            let names = notice.services.map { index.servicesByID[$0.value]?.name ?? $0.value }
            if !names.isEmpty { summary += " " + wording("results.chart_period", wording("notice.services"), names.joined(separator: ", ")) + "." }
            let updates = notice.updates.map { "<li>\(XML.escape($0.at.value.description)): \(XML.escape($0.text))</li>" }.joined()
            let content = "<p>\(XML.escape(summary))</p>" + body.html + (updates.isEmpty ? "" : "<ol>\(updates)</ol>")
            xml += """
                  <entry>
                    <id>\(XML.escape(id))</id>
                    <title>\(XML.escape(notice.title))</title>
                    <published>\(iso(entry.published))</published>
                    <updated>\(iso(entry.updated))</updated>
                    <link rel="alternate" type="text/html" href="\(SitePaths.notice(notice.id))"/>
                    <category term="\(notice.kind.rawValue)" label="\(kindName(notice.kind))"/>
                    <summary>\(XML.escape(summary))</summary>
                    <content type="html">\(XML.escape(content))</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return OutputFile(path: SitePaths.noticesFeed, text: xml)
    }
}

/// Ids that stay the same from build to build without a web address to make them from:
/// `urn:uuid:` with the 128-bit FNV-1a hash of a name, shaped as a version 8 (custom) UUID.
enum StableID {
    static func urn(_ name: String) -> String {
        var hash: (UInt64, UInt64) = (0x6c62272e07bb0142, 0x62b821756295c58d)  // the 128-bit offset basis
        for byte in name.utf8 {
            hash.1 ^= UInt64(byte)
            // Multiply by the 128-bit prime 2^88 + 0x13B, keeping the low 128 bits.
            let product = hash.1.multipliedFullWidth(by: 0x13B)
            hash = (hash.0 &* 0x13B &+ product.high &+ (hash.1 << 24), product.low)
        }
        var bytes = (0..<8).map { UInt8(truncatingIfNeeded: hash.0 >> (56 - 8 * $0)) } + (0..<8).map { UInt8(truncatingIfNeeded: hash.1 >> (56 - 8 * $0)) }
        bytes[6] = bytes[6] & 0x0F | 0x80
        bytes[8] = bytes[8] & 0x3F | 0x80
        let hex = bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        return "urn:uuid:" + [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
    }
}
