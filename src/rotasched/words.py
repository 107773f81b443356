"""Every word rotasched shows to people, in Chinese and English, in one table.

`WORDS` maps a plain dotted key to its (zh, en) text. The first part of a key says where it is
used: `export.` calendars, tables and site; `caldav.` publishing to a CalDAV server;
`series_type.`, `org_kind.`, `form.`, `status.`, `weekday.` the names of fixed choices;
`summary.` `rotasched validate`; `explain.` and `solver.` why there is no plan; `error.` what
is wrong with a scenario, or looks wrong (a warning), by Issue.code; `ledger.` what goes
wrong with the ledger of published plans (LedgerError.key); `generate.` the scenario
generator; `cli.` the command line.
Placeholders are Python format fields, the same in both languages.

This module imports nothing from the project, so every stage, `scenario/` included, may use it.
It is longer than the ~400 lines we aim for because it is one data table: splitting it would
only make a translator look in several places.
"""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # export/caldav.py: publishing to a CalDAV server
    "caldav.half_env": (
        "设置了 {given}，但没有设置 {missing}", "{given} is set but {missing} is not"
    ),
    "caldav.netrc": (
        "无法读取 netrc 文件 {path}：{reason}", "cannot read the netrc file {path}: {reason}"
    ),
    "caldav.userinfo": (
        "CalDAV 地址中不能含用户名或密码：请用环境变量 {user} 和 {password}，或 netrc 文件",
        "the CalDAV URL must not carry a user name or password: use {user} and {password} in "
        "the environment, or a netrc file",
    ),
    "caldav.no_schedule": ("该方案没有日程，不能发布", "this plan has no schedule to publish"),
    "caldav.not_calendar": ("{url} 不是日历集合", "{url} is not a calendar collection"),
    "caldav.create": (
        "无法创建日历 {url}：{reason}", "cannot create the calendar {url}: {reason}"
    ),
    "caldav.put": (
        "服务器拒绝写入 {url}：{reason}", "the server refused to write {url}: {reason}"
    ),
    "caldav.failed": ("无法发布到 {url}：{reason}", "cannot publish to {url}: {reason}"),
    "caldav.delete": (
        "服务器拒绝删除 {url}：{reason}", "the server refused to delete {url}: {reason}"
    ),
    # export/: calendars, tables and site (export._i18n.word adds the prefix)
    "export.sep": ("：", ": "),
    "export.list_sep": ("、", ", "),
    "export.paren": ("{text}（{inner}）", "{text} ({inner})"),
    "export.provisional": (
        "注意：本计划使用临时日历（节假日和调休按国务院历年惯例推算，尚未公布），日期可能变动。",
        "NOTE: this plan uses a PROVISIONAL calendar (holidays and adjusted working days "
        "estimated from the State Council's usual arrangement, not yet published); dates may "
        "change.",
    ),
    "export.provisional_cell": ("临时日历（调休为推算）", "PROVISIONAL calendar (调休 estimated)"),
    "export.calendar": ("日历", "Calendar"),
    "export.activity": ("活动", "Activity"),
    "export.activity_type": ("活动类型", "Type"),
    "export.term": ("轮值期", "Term"),
    "export.host": ("承办单位", "Host"),
    "export.co_host": ("协办单位（以强带弱）", "Co-host (mentor)"),
    "export.executive": ("执行书记", "Executive secretary"),
    "export.executive_org": ("执行单位", "Executive organisation"),
    "export.contact": ("联系方式", "Contact"),
    "export.venue": ("地点", "Venue"),
    "export.centre": ("活动中心", "Centre"),
    "export.room": ("场地", "Room"),
    "export.capacity": ("容量", "Capacity"),
    "export.participants": ("参加单位", "Participants"),
    "export.attendance": ("预计人数", "Expected attendance"),
    "export.date": ("日期", "Date"),
    "export.weekday": ("星期", "Weekday"),
    "export.start": ("开始", "Start"),
    "export.time": ("时间", "Time"),
    "export.span": ("起止日期", "Dates"),
    "export.end": ("结束", "End"),
    "export.first_day": ("起始日", "First day"),
    "export.last_day": ("结束日", "Last day"),
    "export.id": ("编号", "ID"),
    "export.venue_own": ("承办单位自有场地", "host's own premises"),
    "export.venue_none": ("无需场地", "no room needed"),
    "export.pair": ("结对", "Pair"),
    "export.form": ("结对形式", "Form"),
    "export.period": ("周期", "Period"),
    "export.visit_host": ("接待方", "Host"),
    "export.visit_guests": ("来访方", "Visitors"),
    "export.helpers": ("帮扶方", "Helpers"),
    "export.helped": ("受帮扶方", "Helped"),
    "export.direction": ("方向", "Direction"),
    "export.dir_helpers_visit": ("帮扶方走访受帮扶方", "helpers visit the helped side"),
    "export.dir_helped_visit": ("受帮扶方到帮扶方回访学习", "the helped side visits the helpers"),
    "export.dir_other": ("互访", "visit"),
    "export.occurrences_in_term": ("本期承办", "Hosting in this term"),
    "export.org": ("单位", "Organisation"),
    "export.org_kind": ("类型", "Kind"),
    "export.secretary": ("书记", "Secretary"),
    "export.hosted": ("承办次数", "Hosted"),
    "export.co_hosted": ("协办次数", "Co-hosted"),
    "export.exec_terms": ("执行书记期数", "Executive terms"),
    "export.visits_hosted": ("接待互访", "Visits hosted"),
    "export.visits_made": ("外出互访", "Visits made"),
    "export.travel": ("单程路程合计（分钟）", "Travel, one way (minutes)"),
    "export.joint": ("参加联合活动", "Joint activities attended"),
    # export/: calendar names, descriptions and event summaries (ics.py)
    "export.cal_all": ("全部活动", "all activities"),
    "export.cal_cancelled": ("已取消的活动", "cancelled events"),
    "export.cal_org": ("单位日程", "schedule"),
    "export.cal_room": ("场地预订", "room bookings"),
    "export.cal_person": ("书记日程", "secretary's schedule"),
    "export.cal_desc": ("{scenario}，计划期 {start} 至 {end}。", "{scenario}, {start} to {end}."),
    "export.sum_occurrence": ("{series}｜承办：{host}", "{series} — host: {host}"),
    "export.sum_term": (
        "执行书记：{person}（{series} {term}）",
        "Executive secretary: {person} ({series} {term})",
    ),
    "export.sum_visit": ("结对互访：{guests} → {host}", "Twinning visit: {guests} → {host}"),
    # export/: table titles (tables.py)
    "export.t_occurrences": ("承办安排", "Hosting"),
    "export.t_terms": ("执行书记", "Executive secretaries"),
    "export.t_rooms": ("场地预订", "Room bookings"),
    "export.t_visits": ("结对互访", "Twinning visits"),
    "export.t_orgs": ("单位汇总", "Organisations"),
    # export/: site (site.py)
    "export.site_title": ("联合活动计划", "Joint activity plan"),
    # the what-if comparison page (templates/compare.html.j2, written by whatif/report.py)
    "export.whatif_scenarios": ("各情景的方案", "Scenarios"),
    "export.whatif_changes": ("各情景的修改", "What each variant changes"),
    "export.whatif_measures": ("指标对照", "Figures side by side"),
    "export.whatif_measure": ("指标", "Figure"),
    "export.whatif_charts": ("图表对照", "Charts"),
    "export.whatif_zero": (
        "以下各项在所有情景中均为 0：{terms}", "Zero in every scenario: {terms}"
    ),
    "export.whatif_notes": ("说明", "Notes"),
    "export.whatif_note_solve": (
        "每个情景都用相同的随机种子（{seed}）和确定性工作量（{work}）排期，并经独立校验器校验。",
        "Every scenario is planned with the same seed ({seed}) and deterministic work budget "
        "({work}), and checked by the independent checker.",
    ),
    "export.whatif_note_stable": (
        "各情景按重排求解（--stable）：以基准方案为已发布的方案（不冻结任何事件），尽量少改动"
        "（改期、换承办、换场地的权重远高于其他各项）。所以“较基准变动”是修改迫使的改动，"
        "目标值含改动的代价，不宜与基准直接比较；各项软指标仍可比较。",
        "Variants are planned as re-plans of the base plan (--stable, nothing frozen), changing "
        "as few events as they can (moved, re-hosted and re-roomed weigh far above the rest): "
        "the events changed are what the change forces, and the objective includes their cost, "
        "so compare the soft terms rather than the objective with the base.",
    ),
    "export.whatif_note_spread": (
        "承办差距：组内承办活动最多的成员减去最少的成员（只计本计划内的活动；成员为能参加轮值的单位）。",
        "Hosting spread: the most occurrences one member of the group hosts minus the fewest "
        "(this plan's only; members are those able to take a turn).",
    ),
    "export.whatif_note_utilisation": (
        "场地使用率：该中心各活动室的预订次数 ÷ 开放的“活动室·日”数"
        "（某活动室在某工作日开放且未停用，计 1 个活动室·日）。",
        "Room use: bookings of the centre's rooms ÷ open room-days (a room open on a working "
        "day and not closed is one room-day).",
    ),
    "export.whatif_note_changed": (
        "较基准变动：与基准方案相比改期、换承办、换场地、新增或取消的事件数。各情景都从头求优，"
        "其中多数是同样好的方案之间的不同选择，并非都由修改引起；"
        "要看修改迫使的改动，请加 --stable 按重排求解。",
        "Events changed: events moved, re-hosted, re-roomed, added or cancelled against the base "
        "plan. Every scenario is optimised from scratch, so most are ties broken otherwise, not "
        "what the change forced; for that, plan the variants as re-plans of the base (--stable).",
    ),
    "export.home": ("首页", "Home"),
    "export.summary": ("计划概要", "Plan summary"),
    "export.status": ("求解状态", "Status"),
    "export.objective": ("目标值", "Objective"),
    "export.bound": ("下界", "Bound"),
    "export.gap": ("差距", "Gap"),
    "export.soft_terms": ("优化目标各项", "Soft terms"),
    "export.soft_key": ("项目", "Term"),
    "export.name_zh": ("中文名称", "Chinese name"),
    "export.name_en": ("英文名称", "English name"),
    "export.weight": ("权重", "Weight"),
    "export.value": ("数值", "Value"),
    "export.horizon": ("计划期", "Horizon"),
    "export.explanation": ("说明", "Explanation"),
    "export.groups": ("组织 / 园区", "Groups / parks"),
    "export.centres": ("共享活动中心", "Shared centres"),
    "export.orgs": ("单位", "Organisations"),
    "export.calendars": ("日历订阅（ICS）", "Calendars (ICS)"),
    "export.downloads": ("表格下载", "Tables"),
    "export.all_ics": ("全部活动日历", "All activities"),
    "export.org_ics": ("单位日历", "Organisation calendar"),
    "export.person_ics": ("书记日历", "Secretary's calendar"),
    "export.room_ics": ("场地日历", "Room calendar"),
    "export.chart_gantt": ("轮值甘特图", "Rotation timeline"),
    "export.chart_heatmap": ("场地占用热力图（按周）", "Room occupancy by week"),
    "export.chart_fairness": ("承办次数（公平性）", "Hosting fairness"),
    "export.chart_visits": ("结对互访时间线", "Twinning visit timeline"),
    "export.history": ("历史承办", "history"),
    "export.this_plan": ("本计划", "this plan"),
    "export.week_of": ("周（周一日期）", "week (Monday)"),
    "export.bookings": ("预订", "bookings"),
    "export.occupancy": ("占用率", "occupancy"),
    "export.legend_helper_hosts": ("帮扶方接待", "helper side hosts"),
    "export.legend_helped_hosts": ("受帮扶方接待", "helped side hosts"),
    "export.duties": ("承办与协办", "Hosting duties"),
    "export.visits": ("结对互访", "Twinning visits"),
    "export.exec_of": ("执行书记轮值", "Executive terms"),
    "export.members": ("成员单位", "Members"),
    "export.none": ("无", "none"),
    "export.no_schedule": ("本次没有可发布的日程。", "There is no schedule to publish."),
    # site index and `rotasched plan`: planned dates a provisional year's arrangement may move
    "export.recheck": (
        "正式安排公布后需复核的日期",
        "Dates to re-check once the official arrangement is published",
    ),
    "export.recheck_note": (
        "以下活动安排在推算的节假日或调休日附近，国务院公布 {years} 年放假安排后可能需要调整。",
        "These are planned near a holiday or 调休 day that is only estimated; they may have to "
        "move once the State Council publishes the arrangement for {years}.",
    ),
    "export.recheck_none": (
        "没有活动安排在 {years} 年正式安排可能变动的日期上。",
        "No planned date lies where the official arrangement for {years} could move it.",
    ),
    "export.kind": ("类别", "Kind"),
    "export.recheck_what": ("活动或结对", "Activity or pair"),
    "export.kind_occurrence": ("联合活动", "joint activity"),
    "export.kind_visit": ("结对互访", "twinning visit"),
    "export.counts": (
        "活动 {occ} 次，执行书记 {terms} 期，结对互访 {visits} 次",
        "{occ} activities, {terms} executive terms, {visits} twinning visits",
    ),
    "export.kind_term": ("执行书记轮值期", "executive term"),
    # a re-plan's changes (export/changes.py, show.py): tables, the site's changes.html
    "export.t_changes": ("调整一览", "Changes"),
    "export.change": ("调整", "Change"),
    "export.old_date": ("原日期", "Old date"),
    "export.new_date": ("新日期", "New date"),
    "export.old_time": ("原时间", "Old time"),
    "export.new_time": ("新时间", "New time"),
    "export.old_host": ("原承办方", "Old host"),
    "export.new_host": ("新承办方", "New host"),
    "export.old_place": ("原地点", "Old place"),
    "export.new_place": ("新地点", "New place"),
    "export.until": ("至 {day}", "until {day}"),
    "export.change_counts": (
        "共调整 {events} 项：改期 {moved}，更换承办方 {rehosted}，更换场地 {reroomed}，"
        "新增 {added}，取消 {cancelled}",
        "{events} event(s) changed: {moved} moved, {rehosted} with a new host, {reroomed} in a "
        "new room, {added} added, {cancelled} cancelled",
    ),
    "export.changes_since": (
        "与上一版方案相比的调整（每个有变化的活动一行）",
        "What changed since the previous version of the plan (one row per changed event)",
    ),
    "export.changes_none": (
        "与上一版方案相比没有调整。",
        "Nothing changed since the previous version.",
    ),
    "export.when": ("时间", "When"),
    "export.place": ("地点", "Place"),
    # site charts: a time axis labels each month, with its year on the first and in January
    "export.axis_month_year": ("{year}年{month}", "{month} {year}"),
    # the twelve month names, comma-separated, January first
    "export.months": (
        "1月,2月,3月,4月,5月,6月,7月,8月,9月,10月,11月,12月",
        "Jan,Feb,Mar,Apr,May,Jun,Jul,Aug,Sep,Oct,Nov,Dec",
    ),
    # activity types, organisation kinds, twinning forms, plan status, weekdays (export._i18n)
    "series_type.theme_day": ("主题党日", "Theme day"),
    "series_type.joint_lecture": ("联合党课", "Joint party lecture"),
    "series_type.joint_meeting": ("联席会议", "Joint meeting"),
    "series_type.volunteer": ("志愿服务", "Volunteer service"),
    "series_type.training": ("培训", "Training"),
    "series_type.other": ("其他", "Other"),
    "org_kind.enterprise": ("企业", "enterprise"),
    "org_kind.village": ("村", "village"),
    "org_kind.community": ("社区", "community"),
    "org_kind.organ": ("机关", "government organ"),
    "org_kind.school": ("学校", "school"),
    "org_kind.other": ("其他", "other"),
    "form.one_to_one": ("一帮一", "one-to-one"),
    "form.many_to_one": ("多帮一", "many-to-one"),
    "form.one_to_many": ("一帮多", "one-to-many"),
    "status.optimal": ("最优", "optimal"),
    "status.feasible": ("可行（未证明最优）", "feasible (not proven optimal)"),
    "status.infeasible": ("无可行方案", "infeasible"),
    "status.unknown": ("未找到方案", "no plan found"),
    "status.invalid": ("输入无效", "invalid input"),
    "weekday.mon": ("周一", "Mon"),
    "weekday.tue": ("周二", "Tue"),
    "weekday.wed": ("周三", "Wed"),
    "weekday.thu": ("周四", "Thu"),
    "weekday.fri": ("周五", "Fri"),
    "weekday.sat": ("周六", "Sat"),
    "weekday.sun": ("周日", "Sun"),
    # summary.py: `rotasched validate`
    "summary.sep": ("：", ": "),
    "summary.name": ("场景", "scenario"),
    "summary.horizon": ("计划期", "horizon"),
    "summary.working_days": ("工作日", "working days"),
    "summary.adjusted_workdays": ("调休上班日", "adjusted working weekends (调休)"),
    "summary.calendar_sources": ("日历来源", "calendar"),
    "summary.provisional": ("临时日历（未含官方调休）", "PROVISIONAL calendar"),
    "summary.groups": ("组织/园区", "groups"),
    "summary.organisations": ("单位", "organisations"),
    "summary.centres": ("共享活动中心", "shared centres"),
    "summary.rooms": ("场地", "rooms"),
    "summary.series": ("活动系列", "activity series"),
    "summary.twinning": ("结对", "twinning pairs"),
    "summary.history": ("历史记录", "history records"),
    "summary.source.chinesecalendar": ("官方安排（chinesecalendar）", "official (chinesecalendar)"),
    "summary.source.scenario": ("场景文件提供", "supplied by the scenario"),
    "summary.source.provisional": (
        "临时（按惯例推算，含推算的调休）",
        "PROVISIONAL (estimated, 调休 included)",
    ),
    # solver/explain.py: why no plan exists
    "explain.no_day_for_visit": (
        "{name}：{a} 至 {b} 之间没有结对各方都有空的工作日（停办日期、星期限制）。",
        "{name}: between {a} and {b} there is no working day on which every member of the "
        "pair is available (blackouts, weekday limits).",
    ),
    "explain.no_room": (
        "{name}：没有能容纳 {need} 人、具备{eq}、且在 {a}-{b} 开放的场地；请增加场地，"
        "或允许使用承办单位自有场地（room.own_room: true）。",
        "{name}: no room fits {need} people with {eq} during {a}-{b}; add a room, or allow "
        "the host's own room (room.own_room: true).",
    ),
    "explain.no_day_for_rule": (
        "{name}：{a} 至 {b} 之间没有符合日期规则的工作日；请设置 flexible: true 或修改日期规则。",
        "{name}: no working day between {a} and {b} fits its day rule; allow flexible: "
        "true or change the day rule.",
    ),
    "explain.no_core": (
        "不存在可行方案，但在计算预算内未能找出相互冲突的活动；请加大 --work 后重试。",
        "No plan exists, but the clashing activities could not be narrowed down within the "
        "budget; try a larger --work.",
    ),
    "explain.no_plan": (
        "不存在可行方案：以下 {n} 项活动无法同时安排。",
        "No plan exists: these {n} activities cannot all be placed together.",
    ),
    "explain.involved": ("涉及：{names}。", "Involved: {names}."),
    "explain.room_overbooked": (
        "{rooms} 在 {period} 只有 {d} 个可用开放日，却有 {n} 项活动需要使用（{names}）；"
        "按各活动的时段最多能安排 {m} 项，还差 {short} 个时段。",
        "{rooms} is open on {d} suitable day(s) in {period}; {n} activities need it "
        "({names}), and their hours let it take at most {m}: it needs {short} more slot(s).",
    ),
    "explain.room_overbooked_dates": (
        "{rooms} 在 {period} 有 {d} 个可用开放日，但需要它的 {n} 项活动（{names}）"
        "受各自的日期和时段所限，最多只能安排 {m} 项，还差 {short} 个时段。",
        "{rooms} is open on {d} suitable day(s) in {period}, but the {n} activities that need "
        "it ({names}) can take at most {m} on the days and hours each may use: it needs "
        "{short} more slot(s).",
    ),
    "explain.span": ("{a} 至 {b}", "{a} to {b}"),
    "explain.lift_closure": (
        "{centre} 的停用安排 {a} 至 {b}{reason} 关闭了其中 {k} 个可用开放日："
        "缩短或取消它即可增加时段。",
        "The closure of {centre} from {a} to {b}{reason} shuts {k} usable day(s): shorten or "
        "lift it to gain slots.",
    ),
    "explain.reason": ("（{reason}）", " ({reason})"),
    "explain.lift_together": (
        "以下停用安排和不开放日相互重叠，共关闭了 {k} 个可用开放日，"
        "须一并调整才能增加时段：{causes}。",
        "These closures and closed weekdays overlap and together shut {k} usable day(s); only "
        "changing them together gains slots: {causes}.",
    ),
    "explain.open_weekdays": (
        "{centre} 不在 {weekdays} 开放（open_days），{period} 因此少了 {k} 个可用开放日（{each}）："
        "在 open_days 中加上其中的日子即可增加时段。",
        "{centre} does not open on {weekdays} (open_days), which shuts {k} usable day(s) in "
        "{period} ({each}): add some of them to open_days to gain slots.",
    ),
    "explain.weekday_days": ("{day} {k} 天", "{day}: {k}"),
    "explain.make_flexible": (
        "{names} 的日期固定（flexible: false）：改为 flexible: true 后可移到本期其他开放日。",
        "{names} keep a fixed day (flexible: false): with flexible: true they can move to "
        "another open day of their period.",
    ),
    "explain.use_own_room": (
        "{hosts} 有够大且设备齐全的自有场地："
        "允许 {names} 使用承办单位自有场地（room.own_room: true）。",
        "{hosts} have rooms of their own that are big enough and equipped: let {names} use "
        "the host's own room (room.own_room: true).",
    ),
    "explain.other_room": (
        "{rooms} 也够大且具备所需设备，但开放时间容不下 {times} 的活动："
        "调整活动时间或开放时间即可使用。",
        "{rooms} are big enough and equipped too, but their hours leave out the activities "
        "at {times}: change the time or the hours to use them.",
    ),
    "explain.move_time": (
        "有 {n} 项活动同在 {a}-{b}，同一场地每天只能安排其中一项；"
        "把 {names} 改到 {t} 开始（start），就能与其他活动同日使用场地。",
        "{n} activities run at {a}-{b}, so a room takes only one of them a day; start {names} "
        "at {t} instead (start) and they can share a day with the others.",
    ),
    "explain.room_add": (
        "现有场地的开放日、设备和时段都已用足：请增加能容纳 {need} 人{eq}的场地，或减少这些活动。",
        "No open day, room or hour is left to use: add a room for {need} people{eq}, or hold "
        "fewer of these activities.",
    ),
    "explain.with_equipment": ("并具备{eq}", " with {eq}"),
    "explain.room_hours": ("{room}（{a}-{b}）", "{room} ({a}-{b})"),
    "explain.list_sep": ("、", ", "),
    "explain.event_sep": ("；", "; "),
    "explain.pair_too_tight": (
        "结对 {name}：需要 {n} 次互访且间隔不少于 {gap} 天，但 {a} 至 {b} "
        "双方都有空的工作日只有 {k} 天。请减少 min_gap_days 或每周期互访次数。",
        "Pair {name}: {n} visit(s) at least {gap} days apart, but the sides are both free "
        "on only {k} working day(s) from {a} to {b}. Lower min_gap_days or the visits per "
        "period.",
    ),
    "explain.series_hosts": (
        "活动 {name}：{n} 次活动，承办范围 {k} 个单位，候选日期中有 {d} 天有单位可承办。",
        "Series {name}: {n} occurrence(s) with a pool of {k} host(s) available on {d} of "
        "the candidate days.",
    ),
    # baseline.py: what the by-hand baseline could not place
    "baseline.occurrence": (
        "手工排法无法安排 {event}：承办范围内没有单位在周期内有合适的日期、场地和时间",
        "by hand, {event} found no place: no host of its pool with a free day, room and time "
        "in its period",
    ),
    "baseline.duty": (
        "手工排法无法安排 {event}：{group} 的 {term} 轮值期没有成员能承办该期全部轮值活动",
        "by hand, {event} found no place: no member of {group} can be on duty for all the "
        "duty activities of term {term}",
    ),
    "baseline.visit": (
        "手工排法无法安排互访 {event}：周期内没有双方都有空、间隔足够且未满额的日子",
        "by hand, visit {event} found no day in its period that both sides can make, far "
        "enough from the last visit and under the day cap",
    ),
    "baseline.broke": (
        "手工排法得到的方案违反规则：{violation}",
        "the by-hand plan breaks a rule: {violation}",
    ),
    # solver/__init__.py
    "solver.not_found_yet": (
        "在给定的计算预算内尚未找到可行方案；请增加 --work 或 --time-limit 后重试。",
        "No plan was found within the budget yet; raise --work or --time-limit and try again.",
    ),
    # scenario/errors.py: what is wrong with a scenario, by Issue.code (placeholders: Issue.params)
    "error.head": ("场景有 {n} 处错误：", "the scenario has {n} problem(s):"),
    "error.unknown_code": ("取值无效：{text}", "{text}"),
    "error.file_missing": ("找不到文件", "file not found"),
    "error.file_unreadable": ("无法读取文件：{reason}", "cannot read the file: {reason}"),
    "error.yaml_syntax": ("不是有效的 YAML：{reason}", "not valid YAML: {reason}"),
    "error.not_a_mapping": (
        "场景文件的顶层必须是若干键值段落",
        "the scenario must be a mapping of sections",
    ),
    "error.table_unreadable": ("无法读取表格：{reason}", "cannot read the table: {reason}"),
    "error.table_sheet_missing": (
        "工作簿中没有名为“{sheet}”的工作表",
        "the workbook has no sheet “{sheet}”",
    ),
    "error.table_kind": ("表格必须是 .csv 或 .xlsx 文件", "a table must be a .csv or .xlsx file"),
    "error.table_empty_header": ("表头中有空的列名", "the header row has an empty column name"),
    "error.table_encoding": (
        "表格的文字编码无法识别：CSV 只能是 UTF-8（可带 BOM）或 GB18030 编码；UTF-16 等其他编码的"
        "文件请在 Excel 或 WPS 中另存为“CSV UTF-8（逗号分隔）”",
        "the table's text encoding cannot be read: a CSV must be UTF-8 (with or without BOM) or "
        "GB18030; save a UTF-16 or other file again from Excel or WPS as “CSV UTF-8 (comma "
        "delimited)”",
    ),
    "error.missing": ("缺少必填项", "is required but missing"),
    "error.extra_forbidden": ("未知字段（请检查拼写）", "unknown field (check the spelling)"),
    "error.int_parsing": ("必须是整数，实际为 {input!r}", "must be a whole number, got {input!r}"),
    "error.int_type": ("必须是整数，实际为 {input!r}", "must be a whole number, got {input!r}"),
    "error.int_from_float": (
        "必须是整数，实际为 {input!r}",
        "must be a whole number, got {input!r}",
    ),
    "error.float_parsing": ("必须是数字，实际为 {input!r}", "must be a number, got {input!r}"),
    "error.float_type": ("必须是数字，实际为 {input!r}", "must be a number, got {input!r}"),
    "error.bool_parsing": (
        "必须是 true 或 false，实际为 {input!r}",
        "must be true or false, got {input!r}",
    ),
    "error.bool_type": (
        "必须是 true 或 false，实际为 {input!r}",
        "must be true or false, got {input!r}",
    ),
    "error.string_type": ("必须是文本，实际为 {input!r}", "must be text, got {input!r}"),
    "error.string_too_short": ("不能为空", "must not be empty"),
    "error.string_pattern_mismatch": (
        "不能包含“/”、空格或控制字符，实际为 {input!r}",
        "must not contain “/”, spaces or control characters, got {input!r}",
    ),
    "error.list_type": ("必须是列表，实际为 {input!r}", "must be a list, got {input!r}"),
    "error.dict_type": (
        "必须是字段映射，实际为 {input!r}",
        "must be a mapping of fields, got {input!r}",
    ),
    "error.model_type": (
        "必须是字段映射，实际为 {input!r}",
        "must be a mapping of fields, got {input!r}",
    ),
    "error.model_attributes_type": (
        "必须是字段映射，实际为 {input!r}",
        "must be a mapping of fields, got {input!r}",
    ),
    "error.date_from_datetime_parsing": (
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
        "must be a date like 2026-03-01, got {input!r}",
    ),
    "error.date_parsing": (
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
        "must be a date like 2026-03-01, got {input!r}",
    ),
    "error.date_type": (
        "必须是形如 2026-03-01 的日期，实际为 {input!r}",
        "must be a date like 2026-03-01, got {input!r}",
    ),
    "error.date_from_datetime_inexact": (
        "必须是不含时刻的日期，实际为 {input!r}",
        "must be a date without a time, got {input!r}",
    ),
    "error.time_parsing": (
        "必须是形如 09:00 的时刻，实际为 {input!r}",
        "must be a time like 09:00, got {input!r}",
    ),
    "error.time_type": (
        "必须是形如 09:00 的时刻，实际为 {input!r}",
        "must be a time like 09:00, got {input!r}",
    ),
    "error.literal_error": (
        "必须是 {expected} 之一，实际为 {input!r}",
        "must be one of {expected}, got {input!r}",
    ),
    "error.enum": (
        "必须是 {expected} 之一，实际为 {input!r}",
        "must be one of {expected}, got {input!r}",
    ),
    "error.greater_than_equal": (
        "不能小于 {ge}，实际为 {input!r}",
        "must be at least {ge}, got {input!r}",
    ),
    "error.greater_than": (
        "必须大于 {gt}，实际为 {input!r}",
        "must be greater than {gt}, got {input!r}",
    ),
    "error.less_than_equal": (
        "不能大于 {le}，实际为 {input!r}",
        "must be at most {le}, got {input!r}",
    ),
    "error.too_short": ("至少需要 {min_length} 项", "needs at least {min_length} item(s)"),
    "error.union_tag_invalid": ("必须是 {expected_tags} 之一", "must be one of {expected_tags}"),
    "error.bad_span": (
        "必须是日期、“开始..结束”或含 start 与 end 的映射，实际为 {input!r}",
        "must be a date, “start..end”, or a mapping with start and end; got {input!r}",
    ),
    "error.bad_weekday": (
        "必须是星期几（1-7、mon-sun 或 周一-周日），实际为 {input!r}",
        "must be a weekday (1-7, mon-sun or 周一-周日), got {input!r}",
    ),
    "error.bad_duration": (
        "必须是分钟数（如 90）或形如 2h、1h30m 的时长，实际为 {input!r}",
        "must be minutes (90) or a duration like 2h or 1h30m, got {input!r}",
    ),
    "error.bad_hours": (
        "必须是形如 08:30-17:30 的开放时段，实际为 {input!r}",
        "must be opening hours like 08:30-17:30, got {input!r}",
    ),
    "error.bad_timezone": ("未知时区 {input!r}", "unknown time zone {input!r}"),
    "error.bad_day_rule": (
        "必须是日期规则，如 any-workday、first-fri、last-workday、day-15；实际为 {input!r}",
        "must be a day rule such as any-workday, first-fri, last-workday, day-15; got {input!r}",
    ),
    "error.bad_cadence": (
        "必须是 monthly、quarterly、yearly、every-N-weeks 或日期列表；实际为 {input!r}",
        "must be monthly, quarterly, yearly, every-N-weeks or a list of dates; got {input!r}",
    ),
    "error.duplicate_id": (
        "编号“{id}”重复（首次出现于 {first}）",
        "duplicate id “{id}” (first used at {first})",
    ),
    "error.duty_twice": (
        "活动“{series}”已在组织“{group}”的轮值制中，一项活动只能属于一个轮值制",
        "series “{series}” is already in the duty rotation of group “{group}”; "
        "a series belongs to one duty rotation",
    ),
    "error.duty_own_term": (
        "活动“{series}”属于轮值制，轮值期由轮值制规定，请删除该活动自己的 term: {term}",
        "series “{series}” is in a duty rotation, whose term is the term: "
        "remove the series' own term: {term}",
    ),
    "error.duty_no_pool": (
        "组织“{group}”中没有任何成员能承办轮值制的全部活动（检查各活动的 hosts）",
        "no member of group “{group}” may host every series of its duty rotation "
        "(check the series' hosts)",
    ),
    "error.unknown_ref": ("引用了不存在的{what}“{id}”", "refers to unknown {what} “{id}”"),
    "error.pin_empty": (
        "固定安排“{event}”没有指定承办单位、日期或场地",
        "the pin of “{event}” fixes no host, date or room",
    ),
    "error.pin_unknown_event": (
        "没有编号为“{event}”的活动或互访（编号见计划表的“编号”列）",
        "no activity or visit has the id “{event}” (see the id column of the plan's tables)",
    ),
    "error.pin_breaks_rule": (
        "固定安排“{event}”违反规则 {rule}",
        "the pin of “{event}” breaks rule {rule}",
    ),
    "error.end_before_start": (
        "结束日期（{end}）早于开始日期（{start}）",
        "ends ({end}) before it starts ({start})",
    ),
    "error.room_too_small": (
        "需要容纳 {need} 人的场地，但最大的合适场地只能容纳 {largest} 人",
        "needs a room for {need} people but the largest suitable room holds {largest}",
    ),
    "error.equipment_nowhere": (
        "需要的设备 {equipment} 在任何可容纳 {need} 人的场地中都没有",
        "needs equipment {equipment} that no room with {need} seats has",
    ),
    "error.room_hours": (
        "没有合适的场地在 {start} 至 {end} 开放；请调整开始时间或时长",
        "no room that fits is open from {start} to {end}; change the start time or the duration",
    ),
    "error.pool_empty": (
        "承办单位范围内没有任何单位在计划期内有空（已排除不可用日期和星期限制）",
        "no organisation in the host pool is available on any day of the horizon "
        "(blackouts and weekday limits)",
    ),
    "error.pool_no_members": ("承办单位范围为空", "the host pool is empty"),
    "error.form_sides": (
        "结对形式 {form} 需要{sides}；实际帮扶方 {helpers} 个、受帮扶方 {helped} 个",
        "form {form} needs {sides}; got {helpers} helping and {helped} helped organisation(s)",
    ),
    "error.org_both_sides": (
        "单位“{id}”同时出现在结对的两方",
        "organisation “{id}” is on both sides of the pair",
    ),
    "error.person_conflict": (
        "书记编号“{id}”对应了两个不同的姓名：“{a}”和“{b}”",
        "secretary id “{id}” is named both “{a}” and “{b}”",
    ),
    "error.no_participants": ("该活动没有参加单位", "the series has no participants"),
    "error.host_not_in_pool": (
        "“{id}”不在活动“{series}”的承办单位范围内",
        "“{id}” is not in the host pool of series “{series}”",
    ),
    "error.pair_host_not_in_pair": (
        "“{id}”不是结对“{pair}”的成员",
        "“{id}” is not a member of pair “{pair}”",
    ),
    "error.calendar_year_missing": (
        "chinesecalendar 尚未收录 {year} 年的法定节假日安排（目前收录 {first} 至 {last} "
        "年）。请在 calendar.years.{year} 中填写当年的节假日和调休上班日，或设置 "
        "calendar.provisional: true，按国务院历年惯例推算节假日和调休的临时日历排期，"
        "所有输出都会标注为临时",
        "the official holiday arrangement for {year} is not known to chinesecalendar (it "
        "covers {first} to {last}). Either supply it under calendar.years.{year} (holidays "
        "and 调休 workdays), or set calendar.provisional: true to plan on a provisional "
        "calendar (holidays and 调休 estimated from the State Council's usual arrangement) "
        "that every output marks as provisional",
    ),
    "error.calendar_day_both": (
        "{day} 同时被列为节假日和上班日",
        "{day} is listed both as a holiday and as a working day",
    ),
    "error.calendar_day_year": ("{day} 不属于 {year} 年", "{day} does not belong to year {year}"),
    "error.no_workdays": (
        "计划期 {start}..{end} 内没有工作日",
        "the horizon {start}..{end} has no working day",
    ),
    # bounds: values well-typed but beyond what the calendar allows (scenario/limits.py)
    "error.horizon_too_long": (
        "计划期 {start} 至 {end} 超过 {years} 年：一次最多排 {years} 年，即最晚到 {last}",
        "the horizon {start}..{end} is longer than {years} years, the most planned at once: "
        "it may end on {last} at the latest",
    ),
    "error.year_out_of_range": (
        "{input} 超出可排期的年份范围（{first} 至 {last} 年）",
        "{input} is outside the years that can be planned ({first} to {last})",
    ),
    "error.horizon_before_calendar": (
        "计划期从 {start} 开始，早于 chinesecalendar 收录的第一年（{first} 年）；"
        "请在 calendar.years.{year} 中填写当年的节假日和调休上班日",
        "the horizon starts on {start}, before {first}, the first year chinesecalendar covers; "
        "supply that year's holidays and 调休 workdays under calendar.years.{year}",
    ),
    "error.horizon_after_calendar": (
        "计划期到 {end} 结束，晚于 {last} 年：临时日历只能推算到 {last} 年的节假日；"
        "请在 calendar.years.{year} 中填写当年的节假日和调休上班日",
        "the horizon ends on {end}, after {last}, the last year the provisional calendar "
        "computes holidays for; supply that year's holidays and 调休 workdays under "
        "calendar.years.{year}",
    ),
    "error.span_too_long": (
        "时间段 {start} 至 {end} 超过 {years} 年（计划期的最长期限）",
        "the span {start}..{end} is longer than {years} years, the longest horizon",
    ),
    "error.duration_too_long": (
        "时长不能超过一天（{limit} 分钟），实际为 {input!r}",
        "must last at most a day ({limit} minutes), got {input!r}",
    ),
    "error.ends_next_day": (
        "从 {start} 开始、持续 {minutes} 分钟，会到次日才结束；活动必须在当天 24:00 前结束",
        "starting at {start} and lasting {minutes} minutes, it would end on the next day; "
        "an activity must end before midnight",
    ),
    "error.bad_weeks": (
        "every-N-weeks 中的 N 必须是 1 到 {most}，实际为 {input!r}",
        "N in every-N-weeks must be 1 to {most}, got {input!r}",
    ),
    "error.bad_day_of_month": (
        "每月第几日必须是 1 到 31，实际为 {input!r}",
        "the day of the month must be 1 to 31, got {input!r}",
    ),
    "error.bad_ordinal": (
        "第几个必须是 1 到 4（第一至第四）或 -1（最后一个），实际为 {input!r}",
        "must be 1 to 4 (first to fourth) or -1 (last), got {input!r}",
    ),
    "error.date_outside_horizon": (
        "{day} 不在计划期 {start} 至 {end} 内",
        "{day} is outside the horizon {start}..{end}",
    ),
    "error.duplicate_date": (
        "日期 {day} 重复（首次出现于 {first}）",
        "{day} is listed twice (first at {first})",
    ),
    "error.visits_over_weekdays": (
        "每{per}的互访次数不能超过 {limit}：计划期内每{per}至多有 {limit} 个工作日"
        "（周一至周五）；实际为 {visits}",
        "at most {limit} visits per {per}: no {per} of the horizon has more than {limit} "
        "weekdays (Monday to Friday); got {visits}",
    ),
    "error.gap_too_long": (
        "两次互访的最小间隔不能超过最长的计划期（{limit} 天），实际为 {input!r}",
        "must be at most {limit} days, the longest horizon; got {input!r}",
    ),
    # warnings: kept on Scenario.warnings and printed, the scenario still loads
    "error.same_org_name": (
        "单位“{id}”与“{other}”同名：“{name}”（是否同一单位录入了两次？）",
        "organisation “{id}” has the same name as “{other}”: “{name}” (the same organisation "
        "entered twice?)",
    ),
    # edits.py: a published table edited by hand and read back (rotasched check FILE)
    "error.edits_head": (
        "修改后的表格 {file} 有 {n} 处错误：",
        "the edited table {file} has {n} problem(s):",
    ),
    "error.edit_where": ("第 {row} 行“{column}”列", "row {row} column “{column}”"),
    "error.edit_where_sheet": (
        "工作表“{sheet}”第 {row} 行“{column}”列",
        "sheet “{sheet}” row {row} column “{column}”",
    ),
    "error.edit_no_table": (
        "找不到承办安排或结对互访表（需要“编号”列；工作簿中应有“承办安排”工作表）",
        "no hosting or twinning visit table found (it needs an “ID” column; a workbook needs "
        "its “Hosting” sheet)",
    ),
    "error.edit_empty": ("不能为空", "must not be empty"),
    "error.edit_unknown_id": (
        "编号“{id}”不是已发布方案中的活动（编号列不可修改）",
        "“{id}” is no event of the published plan (do not edit the ID column)",
    ),
    "error.edit_duplicate_id": (
        "编号“{id}”出现了两次（另见第 {other} 行）",
        "“{id}” appears twice (see also row {other})",
    ),
    "error.edit_bad_date": (
        "无法识别的日期 {input!r}（请写成 2026-04-24）",
        "not a date: {input!r} (write it as 2026-04-24)",
    ),
    "error.edit_bad_time": (
        "无法识别的时间 {input!r}（请写成 09:00）",
        "not a time: {input!r} (write it as 09:00)",
    ),
    "error.edit_unknown_org": ("没有名为“{input}”的单位", "no organisation is called “{input}”"),
    "error.edit_ambiguous_org": (
        "“{input}”可指多个单位（{ids}），请改写为单位编号",
        "“{input}” names several organisations ({ids}): write the organisation's id instead",
    ),
    "error.edit_unknown_place": (
        "无法识别的地点“{input}”（应为“活动中心 场地”、承办单位自有场地或无需场地）",
        "not a place: “{input}” (a centre and room as the table writes them, the host's own "
        "premises, or no room)",
    ),
    "error.edit_two_executives": (
        "同一轮值期 {term} 的执行书记前后改成了不同的人（另见第 {other} 行）",
        "the executive secretary of term {term} is changed to two different people (see also "
        "row {other})",
    ),
    # whatif/: a variant file and its changes (whatif/changes.py, whatif/variant.py)
    "error.variant_change_kind": (
        "每项修改须是 set、add、remove、close 或 weights 之一，实际为 {input}",
        "a change is one of set, add, remove, close or weights, got {input}",
    ),
    "error.variant_set_form": (
        "set 后应是“字段路径: 值”的映射，如 twinning[*].visits: 2",
        "set takes a mapping of field path: value, e.g. twinning[*].visits: 2",
    ),
    "error.variant_add_what": (
        "add 须给出 records（记录列表）或 table（表格文件）二者之一",
        "add takes either records or a table, one of the two",
    ),
    "error.variant_bad_path": (
        "不是有效的字段路径：{path}（应如 twinning[id=twin-1].visits 或 twinning[*].visits）",
        "not a field path: {path} (write e.g. twinning[id=twin-1].visits or twinning[*].visits)",
    ),
    "error.variant_unknown_field": (
        "“{field}”不是场景的字段（请检查拼写）",
        "“{field}” is not a field of the scenario (check the spelling)",
    ),
    "error.variant_not_a_list": (
        "“{field}”不是记录列表：不能用 [...] 选择记录，也不能增删记录",
        "“{field}” is not a list of records: no [...] selector, no adding or removing",
    ),
    "error.variant_not_a_record": (
        "“{field}”不是记录，路径不能再往下写",
        "“{field}” is not a record: the path cannot go below it",
    ),
    "error.variant_no_match": ("没有选中任何记录", "selects no record"),
    "error.variant_unknown_id": ("没有 {by} 为“{value}”的记录", "no record with {by} “{value}”"),
    "error.variant_meta_id": (
        "情景不能修改 meta.id（应与基准场景相同：“{id}”），否则日历 UID 无法与基准比较",
        "a variant keeps the base's meta.id (“{id}”), so calendar UIDs stay comparable",
    ),
    "error.variant_base_missing": ("找不到基准场景 {file}", "base scenario {file} not found"),
    "error.variant_other_base": (
        "该情景的基准是 {base}，不是本次比较的基准 {expected}",
        "this variant's base is {base}, not {expected}, the base being compared",
    ),
    # scenario/errors.py: the words put into the messages above for Issue.params what, per and
    # sides
    "error.what.organisation": ("单位", "organisation"),
    "error.what.group": ("组织/园区", "group"),
    "error.what.series": ("活动", "series"),
    "error.what.pair": ("结对", "pair"),
    "error.what.centre": ("活动中心", "centre"),
    "error.what.room": ("场地", "room"),
    "error.per.month": ("月", "month"),
    "error.per.quarter": ("季度", "quarter"),
    "error.per.year": ("年", "year"),
    "error.sides.one_to_one": (
        "帮扶方 1 个、受帮扶方 1 个",
        "one helping and one helped organisation",
    ),
    "error.sides.many_to_one": (
        "帮扶方至少 2 个、受帮扶方 1 个",
        "at least two helping and one helped organisation",
    ),
    "error.sides.one_to_many": (
        "帮扶方 1 个、受帮扶方至少 2 个",
        "one helping and at least two helped organisations",
    ),
    # cli.py
    "cli.plan": ("方案", "plan"),
    "cli.optimal": ("最优", "optimal"),
    "cli.feasible": ("可行", "feasible"),
    "cli.provisional": (
        "!! 按临时日历排期（未含官方调休）",
        "!! planned on a PROVISIONAL calendar",
    ),
    "cli.recheck": (
        "!! 以下 {n} 个日期临近推算的节假日或调休日，{years} 年正式安排公布后请复核：",
        "!! {n} date(s) lie near an estimated holiday or 调休 day; re-check them once the "
        "arrangement for {years} is published:",
    ),
    "cli.checked": (
        "已校验：全部硬性规则均满足。输出目录：{outdir}",
        "checked: every hard rule holds. Output: {outdir}",
    ),
    "cli.tables_unreadable": (
        "无法读取 {outdir} 中的表格：{reason}",
        "cannot read the tables in {outdir}: {reason}",
    ),
    "cli.violations": ("共 {n} 处违反规则", "{n} violation(s)"),
    "cli.no_violation": (
        "通过：已核查 {n} 条硬性规则，无违反",
        "OK: {n} hard rules checked, no violation",
    ),
    "cli.no_published": (
        "找不到已发布的方案 plan.json（在 {file} 旁边或上一级目录中）：请用 --plan 指定方案目录",
        "no published plan.json next to {file} or one folder up: name the plan folder with "
        "--plan",
    ),
    "cli.edits": ("读取到 {n} 处修改：", "{n} edit(s) read:"),
    "cli.interrupted": ("已中断：未写出任何文件", "interrupted: nothing was written"),
    "cli.warning": ("警告：{text}", "warning: {text}"),
    "cli.caldav": (
        "已同步到 CalDAV 日历 {url}：新增 {created}，更新 {updated}，删除 {deleted}，"
        "未变 {unchanged}",
        "CalDAV calendar {url}: {created} created, {updated} updated, {deleted} deleted, "
        "{unchanged} unchanged",
    ),
    "cli.scenario_where": (
        "{plandir}/plan.json 记录的场景文件 {path} 是相对于当初运行 plan 的目录；"
        "在那里运行，或用 --scenario 指定（已发布的版本也可用 export --ledger 导出）",
        "{plandir}/plan.json names the scenario {path} relative to where `plan` ran: run from "
        "there, or give --scenario (a published version also exports with --ledger)",
    ),
    "explain.pinned.frozen": (
        "{name} 在冻结日期之前，已发布的安排不能变：可把冻结日期（--freeze）提前",
        "{name} is before the freeze date and keeps what was published: try an earlier --freeze",
    ),
    "explain.pinned.pin": (
        "{name} 有固定安排（场景的 pins），不能变：可放宽或删除这条固定安排",
        "{name} is pinned by the scenario (pins): relax or remove that pin",
    ),
    "explain.pinned.edit": (
        "{name} 保留了手工修改：可撤销这处修改",
        "{name} keeps its hand edit: try undoing that edit",
    ),
    "cli.publish_variant": (
        "{variant} 是情景方案（what-if），不发布：它沿用基准场景的 meta.id，会成为正式版本。"
        "若要采用，请把改动写进场景文件后重新排期再发布",
        "{variant} is a what-if variant and is not published: it keeps the base's meta.id and "
        "would become the body's version. To adopt it, make the change in the scenario, plan "
        "and publish that",
    ),
    "cli.published_same": (
        "与 {body} 第 {version} 版相同，未新建版本（台账 {db}）",
        "the same as {body} version {version}: no new version (ledger {db})",
    ),
    "sweep.failed": ("运行出错：{error}", "the run failed: {error}"),
    "cli.freeze": (
        "冻结日期：{day} 之前已发布的安排不变",
        "freeze: nothing published before {day} moves",
    ),
    "cli.refused": (
        "未保留{why}“{event}”：违反规则 `{rule}`（{words}），已重新安排",
        "{why} “{event}” not kept: it breaks rule `{rule}` ({words}); planned again",
    ),
    "pin.frozen": ("冻结的安排", "the frozen event"),
    "pin.pin": ("固定安排", "the pin"),
    "pin.edit": ("手工修改", "the hand edit of"),
    # Kinds of change (compare.CHANGES): tables, site, terminal, ledger history, what-if.
    "change.moved": ("改期", "moved"),
    "change.rehosted": ("更换承办方", "new host"),
    "change.reroomed": ("更换场地", "new room"),
    "change.added": ("新增", "added"),
    "change.cancelled": ("取消", "cancelled"),
    "cli.plan_unreadable": ("无法读取 {path}：{reason}", "cannot read {path}: {reason}"),
    "cli.export_source": (
        "请给出方案目录 PLANDIR 或 --ledger 规划主体，二者选一",
        "give either PLANDIR or --ledger BODY, not both",
    ),
    "cli.export_ledger_only": (
        "--version 和 --db 仅与 --ledger 一起使用",
        "--version and --db go with --ledger only",
    ),
    "cli.export_needs_out": (
        "从台账导出时请用 -o 指定输出目录",
        "exporting from the ledger needs -o OUTDIR",
    ),
    "cli.not_published": (
        "未发布：方案违反 {n} 处硬性规则（已计入台账中的历史）",
        "not published: the plan breaks {n} hard rule(s) (the ledger's history included)",
    ),
    "cli.published": (
        "已发布：{body} 第 {version} 版，共 {events} 项（台账 {db}）",
        "published: {body} version {version}, {events} events (ledger {db})",
    ),
    "cli.published_changes": ("较上一版变动：{changes}", "changes against the previous: {changes}"),
    "cli.ledger_history": (
        "台账 {db}：计入 {body} 此前已发布的承办 {hosts} 次、互访 {visits} 次",
        "ledger {db}: {hosts} hostings and {visits} visits {body} published before count",
    ),
    "cli.no_ledger_yet": (
        "台账 {db} 尚不存在：按场景自带的历史排期",
        "no ledger at {db} yet: planned with the scenario's own history",
    ),
    "cli.ledger_empty": ("台账 {db} 中尚无已发布的方案", "the ledger {db} holds no plan yet"),
    "cli.versions_title": ("{body} 已发布的版本（台账 {db}）", "versions of {body} (ledger {db})"),
    "cli.col.version": ("版本", "version"),
    "cli.col.time": ("发布时间（UTC）", "published (UTC)"),
    "cli.col.digest": ("场景摘要", "scenario"),
    "cli.col.events": ("事件数", "events"),
    "cli.col.cancelled": ("取消", "cancelled"),
    "cli.col.changes": ("较上一版变动", "changes"),
    # whatif/: variants of a scenario compared side by side (rotasched whatif, compare_variants)
    "whatif.scenario_name": ("{base}（情景：{variant}）", "{base} (what-if: {variant})"),
    "whatif.base": ("基准", "base"),
    "whatif.title": ("情景比较：{base}", "What-if comparison: {base}"),
    "whatif.sheet": ("情景比较", "comparison"),
    "whatif.solving": ("排期：{name}", "planning: {name}"),
    "whatif.written": (
        "已写入 {outdir}：比较页面 {page}，各情景的方案在各自的目录中",
        "written to {outdir}: the comparison page {page}, each scenario's plan in its folder",
    ),
    "whatif.violations": (
        "{name}：独立校验发现 {n} 处违反规则",
        "{name}: the independent checker found {n} violation(s)",
    ),
    "whatif.col.figure": ("指标", "figure"),
    "whatif.col.variant": ("情景", "scenario"),
    "whatif.col.folder": ("方案目录", "plan folder"),
    "whatif.col.file": ("文件", "file"),
    "whatif.col.status": ("求解状态", "status"),
    "whatif.col.objective": ("目标值", "objective"),
    "whatif.col.bound": ("下界", "bound"),
    "whatif.col.gap": ("差距", "gap"),
    "whatif.col.violations": ("违反规则", "violations"),
    "whatif.col.explanation": ("无方案的原因（首行）", "why no plan (first line)"),
    "whatif.col.spread": ("承办差距（{group}）", "hosting spread ({group})"),
    "whatif.col.utilisation": ("场地使用率（{centre}）", "room use ({centre})"),
    "whatif.col.visits_planned": ("已排互访", "visits planned"),
    "whatif.col.visits_required": ("应排互访", "visits required"),
    "whatif.col.changed": ("较基准变动的事件", "events changed against the base"),
    "whatif.col.changed_kind": ("其中{kind}", "of which {kind}"),
    # generate/: synthetic scenarios (SpecError.key) and `rotasched generate`
    "generate.range": (
        "{field} 应在 {low} 到 {high} 之间，实为 {value}",
        "{field} must be from {low} to {high}, got {value}",
    ),
    "generate.kind": (
        "没有“{kind}”这种场景，可选：{kinds}", "no scenario kind '{kind}': choose {kinds}"
    ),
    "generate.option": (
        "{kind} 场景没有 --{option} 选项（可用：{options}）",
        "a {kind} scenario has no --{option} (it takes {options})",
    ),
    "generate.wrote": ("已生成 {path}", "wrote {path}"),
    # ledger/: errors said by the CLI (LedgerError.key)
    "ledger.no_id": (
        "场景“{scenario}”没有 meta.id：台账以它区分规划主体，请在 meta 中填写",
        "scenario '{scenario}' has no meta.id: the ledger names the planning body by it",
    ),
    "ledger.no_schedule": (
        "plan.json 中没有可发布的日程（状态：{status}）",
        "plan.json holds no schedule to publish (status: {status})",
    ),
    "ledger.no_body": (
        "台账 {db} 中没有 {body} 的已发布版本",
        "the ledger {db} holds no version of {body}",
    ),
    "ledger.no_version": ("{body} 没有第 {version} 版", "{body} has no version {version}"),
    "ledger.missing": ("台账 {db} 不存在", "no ledger at {db}"),
    "ledger.unreachable": (
        "无法使用台账数据库 {db}：{reason}",
        "cannot use the ledger database {db}: {reason}",
    ),
    "ledger.busy": (
        "台账 {db} 正被另一次发布占用，请稍后重试",
        "the ledger {db} is busy with another publish: try again",
    ),
    "ledger.conflict": (
        "另一次发布同时占用了同一版本号（台账 {db}），请重新发布",
        "another publish took the same version number at once (ledger {db}): publish again",
    ),
}


def template(lang: str, key: str) -> str:
    """The text of `key`, placeholders unfilled: Chinese for "zh", else English.

    A missing key is a KeyError: a word never silently falls back to its key or another language.
    """
    zh, en = WORDS[key]
    return zh if lang == "zh" else en


def say(lang: str, key: str, **fmt: object) -> str:
    """The text of `key` in `lang` with its placeholders filled from `fmt`."""
    return template(lang, key).format(**fmt)
