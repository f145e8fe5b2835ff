<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AbsenceReasonDialog</name>
        <message>
            <source>{name}: {mark}</source>
            <translation>{name}：{mark}</translation>
        </message>
        <message>
            <source>Why is {name} not at the meeting? Click a common reason or type one.</source>
            <translation>{name} 为什么没有参会？请点击常用原因，或直接输入。</translation>
        </message>
        <message>
            <source>Ill</source>
            <translation>生病</translation>
        </message>
        <message>
            <source>Away on business</source>
            <translation>出差</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>外出</translation>
        </message>
        <message>
            <source>Work conflict</source>
            <translation>工作冲突</translation>
        </message>
        <message>
            <source>Could not be reached</source>
            <translation>未联系上</translation>
        </message>
        <message>
            <source>Common reasons</source>
            <translation>常用原因</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>AccountEditDialog</name>
        <message>
            <source>New account</source>
            <translation>新建账户</translation>
        </message>
        <message>
            <source>Account {login}</source>
            <translation>账户 {login}</translation>
        </message>
        <message>
            <source>None ticked: every community</source>
            <translation>都不勾选：全部社区</translation>
        </message>
        <message>
            <source>May see control tags</source>
            <translation>可查看管控标签</translation>
        </message>
        <message>
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Communities (none ticked: all)</source>
            <translation>社区（都不勾选即全部）</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Control tags</source>
            <translation>管控标签</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>AccountTableModel</name>
        <message>
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Control tags</source>
            <translation>管控标签</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Disabled</source>
            <translation>已停用</translation>
        </message>
        <message>
            <source>Locked until {time}</source>
            <translation>已锁定至 {time}</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>正常</translation>
        </message>
    </context>
    <context>
        <name>AccountsDialog</name>
        <message>
            <source>Accounts</source>
            <translation>账户管理</translation>
        </message>
        <message>
            <source>Add…</source>
            <translation>新建…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Disable</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Reset password…</source>
            <translation>重置密码…</translation>
        </message>
        <message>
            <source>Enable</source>
            <translation>启用</translation>
        </message>
    </context>
    <context>
        <name>ActivitiesPage</name>
        <message>
            <source>New activity…</source>
            <translation>新建活动…</translation>
        </message>
        <message>
            <source>Check-in mode…</source>
            <translation>签到模式…</translation>
        </message>
        <message>
            <source>Add record afterwards…</source>
            <translation>补录服务记录…</translation>
        </message>
        <message>
            <source>{name}: {count} records, {hours} hours</source>
            <translation>{name}：{count} 条记录，共 {hours} 小时</translation>
        </message>
        <message>
            <source>The activity was saved.</source>
            <translation>活动已保存。</translation>
        </message>
        <message>
            <source>The service record was saved.</source>
            <translation>服务记录已保存。</translation>
        </message>
    </context>
    <context>
        <name>ActivityDialog</name>
        <message>
            <source>New activity</source>
            <translation>新建活动</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>活动名称</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>服务岗位</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Organiser</source>
            <translation>组织人</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>ActivityTableModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>已签到</translation>
        </message>
        <message>
            <source>Checked out</source>
            <translation>已签退</translation>
        </message>
    </context>
    <context>
        <name>AddPointsDialog</name>
        <message>
            <source>Add points</source>
            <translation>录入积分</translation>
        </message>
        <message>
            <source>Points for {name}, by the rule in force today.</source>
            <translation>为 {name} 录入积分，按当前有效的积分规则计分。</translation>
        </message>
        <message>
            <source>{item} ({points:+d})</source>
            <translation>{item}（{points:+d}）</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>积分事项</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>e.g. which wish, which award</source>
            <translation>如：领办的哪项心愿、获得的何种表彰</translation>
        </message>
    </context>
    <context>
        <name>AdminDialog</name>
        <message>
            <source>Create the administrator</source>
            <translation>创建管理员</translation>
        </message>
        <message>
            <source>From now on everyone signs in to GridOffice with their own account, and what they may see follows their role. Create the administrator's account first: the administrator adds the other accounts.</source>
            <translation>从现在起，每个人都用自己的账户登录网格通，能看到什么由其角色决定。请先创建管理员账户，其他账户由管理员添加。</translation>
        </message>
    </context>
    <context>
        <name>AdminFields</name>
        <message>
            <source>e.g. Wang Fang, written into the history</source>
            <translation>如：王芳，记入历史记录</translation>
        </message>
        <message>
            <source>At least 8 characters</source>
            <translation>至少 8 个字符</translation>
        </message>
        <message>
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>AgendaPage</name>
        <message>
            <source>Agenda</source>
            <translation>议题</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>New item…</source>
            <translation>新建议题…</translation>
        </message>
        <message>
            <source>Speech…</source>
            <translation>发言…</translation>
        </message>
        <message>
            <source>Resolution…</source>
            <translation>决议…</translation>
        </message>
        <message>
            <source>Follow-up…</source>
            <translation>落实事项…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Mark the selected follow-up as done today</source>
            <translation>将所选落实事项标记为今天已完成</translation>
        </message>
        <message>
            <source>Move the agenda item up</source>
            <translation>议题上移</translation>
        </message>
        <message>
            <source>Move the agenda item down</source>
            <translation>议题下移</translation>
        </message>
        <message>
            <source>{speaker}: {summary}</source>
            <translation>{speaker}：{summary}</translation>
        </message>
        <message>
            <source>yes {yes}, no {no}, abstain {abstain} ({method})</source>
            <translation>同意 {yes}，反对 {no}，弃权 {abstain}（{method}）</translation>
        </message>
        <message>
            <source>Resolution: {text}</source>
            <translation>决议：{text}</translation>
        </message>
        <message>
            <source>{owner}, due {date}</source>
            <translation>{owner}，{date} 前完成</translation>
        </message>
        <message>
            <source>Follow-up: {task}</source>
            <translation>落实事项：{task}</translation>
        </message>
        <message>
            <source>Add agenda item</source>
            <translation>添加议题</translation>
        </message>
        <message>
            <source>Add speech</source>
            <translation>添加发言</translation>
        </message>
        <message>
            <source>Add resolution</source>
            <translation>添加决议</translation>
        </message>
        <message>
            <source>Add follow-up</source>
            <translation>添加落实事项</translation>
        </message>
        <message>
            <source>Complete follow-up</source>
            <translation>完成落实事项</translation>
        </message>
        <message>
            <source>Remove “{text}”?</source>
            <translation>确定删除“{text}”吗？</translation>
        </message>
        <message>
            <source>Remove from the agenda</source>
            <translation>从议题中删除</translation>
        </message>
        <message>
            <source>Move agenda item</source>
            <translation>移动议题</translation>
        </message>
    </context>
    <context>
        <name>AgreementDialog</name>
        <message>
            <source>Co-building agreement of {unit}</source>
            <translation>{unit}的共建协议</translation>
        </message>
        <message>
            <source>Signed on</source>
            <translation>签订日期</translation>
        </message>
        <message>
            <source>In force until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Empty: no end date</source>
            <translation>留空表示长期有效</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>AmendmentTableModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>By</source>
            <translation>修改人</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>修改内容</translation>
        </message>
    </context>
    <context>
        <name>AppointDialog</name>
        <message>
            <source>Appoint to a seat of {name}</source>
            <translation>{name} 任职</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Seat</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>任职人</translation>
        </message>
        <message>
            <source>From</source>
            <translation>任职起始</translation>
        </message>
        <message>
            <source>Unit of the area</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>If someone holds this seat now, their term ends the day before the new one starts.</source>
            <translation>如该职务现有人担任，其任期将在新任期开始的前一天结束。</translation>
        </message>
    </context>
    <context>
        <name>AttachmentTableModel</name>
        <message>
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>Added</source>
            <translation>添加时间</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>AttachmentsPage</name>
        <message>
            <source>Add files…</source>
            <translation>添加文件…</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>可认领</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Photos and scans (JPEG, PNG, PDF); drop files here.</source>
            <translation>照片和扫描件（JPEG、PNG、PDF），可将文件拖放到此处。</translation>
        </message>
        <message>
            <source>Attach files</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <source>Images and PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.pdf)</source>
            <translation>图片和 PDF (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.pdf)</translation>
        </message>
        <message numerus="yes">
            <source>Attach %n file(s)</source>
            <translation>
                <numerusform>添加 %n 个附件</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) attached.</source>
            <translation>
                <numerusform>已添加 %n 个附件。</numerusform>
            </translation>
        </message>
        <message>
            <source>The file {path} could not be opened.</source>
            <translation>无法打开文件 {path}。</translation>
        </message>
        <message>
            <source>Remove the attachment {name}?</source>
            <translation>确定删除附件 {name} 吗？</translation>
        </message>
        <message>
            <source>Remove attachment</source>
            <translation>删除附件</translation>
        </message>
    </context>
    <context>
        <name>AttendeeDialog</name>
        <message>
            <source>Attendee {name}</source>
            <translation>参会人员 {name}</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>not marked</source>
            <translation>未标记</translation>
        </message>
        <message>
            <source>Presence</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Absence reason</source>
            <translation>缺席原因</translation>
        </message>
    </context>
    <context>
        <name>AttendeePickerDialog</name>
        <message>
            <source>Add attendees</source>
            <translation>添加参会人员</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Name, pinyin or initials (zw)</source>
            <translation>姓名、拼音或首字母（如 zw）</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Or type a name</source>
            <translation>或输入姓名</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>(as found)</source>
            <translation>（按查找结果）</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Attends as</source>
            <translation>参会方式</translation>
        </message>
    </context>
    <context>
        <name>AttendeeTableModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>From</source>
            <translation>人员来源</translation>
        </message>
        <message>
            <source>Presence</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Absence reason</source>
            <translation>缺席原因</translation>
        </message>
        <message>
            <source>Signed in</source>
            <translation>签到时间</translation>
        </message>
        <message>
            <source>not marked</source>
            <translation>未标记</translation>
        </message>
    </context>
    <context>
        <name>AttendeesPage</name>
        <message>
            <source>Add…</source>
            <translation>添加…</translation>
        </message>
        <message>
            <source>Copy from last council</source>
            <translation>沿用上次议事会名单</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Mark the selected attendees present</source>
            <translation>将所选参会人员标记为出席</translation>
        </message>
        <message numerus="yes">
            <source>Add %n attendee(s)</source>
            <translation>
                <numerusform>添加 %n 名参会人员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attendee(s) added.</source>
            <translation>
                <numerusform>已添加 %n 名参会人员。</numerusform>
            </translation>
        </message>
        <message>
            <source>There is no earlier resident council to copy from.</source>
            <translation>没有更早的居民议事会可供沿用。</translation>
        </message>
        <message>
            <source>Everyone is already on the list.</source>
            <translation>所有人员均已在名单中。</translation>
        </message>
        <message numerus="yes">
            <source>Copy %n attendee(s)</source>
            <translation>
                <numerusform>沿用 %n 名参会人员</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n attendee(s) copied from the last council.</source>
            <translation>
                <numerusform>已从上次议事会沿用 %n 名参会人员。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Mark %n attendee(s) present</source>
            <translation>
                <numerusform>将 %n 名参会人员标记为出席</numerusform>
            </translation>
        </message>
        <message>
            <source>Edit attendee {name}</source>
            <translation>编辑参会人员 {name}</translation>
        </message>
        <message>
            <source>Remove {name} from the attendees?</source>
            <translation>确定将 {name} 从参会人员中移除吗？</translation>
        </message>
        <message>
            <source>Remove attendee {name}</source>
            <translation>移除参会人员 {name}</translation>
        </message>
    </context>
    <context>
        <name>AuditLogDialog</name>
        <message>
            <source>Audit log</source>
            <translation>审计日志</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>Part of a record or ledger, then Enter</source>
            <translation>输入记录或台账名称的一部分，按回车筛选</translation>
        </message>
        <message>
            <source>&amp;Person</source>
            <translation>操作人(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;Action</source>
            <translation>操作(&amp;A)</translation>
        </message>
        <message>
            <source>&amp;Record or ledger</source>
            <translation>记录或台账(&amp;R)</translation>
        </message>
        <message>
            <source>Checking whether the audit log is whole…</source>
            <translation>正在检查审计日志是否完整…</translation>
        </message>
        <message>
            <source>Export to Excel…</source>
            <translation>导出 Excel…</translation>
        </message>
        <message>
            <source>The entries shown, with ID numbers and mobiles partly hidden; the export is recorded in the audit log</source>
            <translation>导出当前列出的记录，证件号码和手机号部分隐去；本次导出将记入审计日志</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>All people</source>
            <translation>全部操作人</translation>
        </message>
        <message>
            <source>All actions</source>
            <translation>全部操作</translation>
        </message>
        <message>
            <source>Entries: {count}</source>
            <translation>共 {count} 条</translation>
        </message>
        <message>
            <source>The audit log is whole: no entry was changed or removed outside the program.</source>
            <translation>审计日志完整：没有记录在程序之外被修改或删除。</translation>
        </message>
        <message>
            <source>Checking the audit log…</source>
            <translation>正在检查审计日志…</translation>
        </message>
        <message>
            <source>Export the audit log to Excel</source>
            <translation>将审计日志导出为 Excel</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>{count} entries were exported to {path}.</source>
            <translation>已将 {count} 条记录导出到 {path}。</translation>
        </message>
        <message>
            <source>Exporting the audit log…</source>
            <translation>正在导出审计日志…</translation>
        </message>
    </context>
    <context>
        <name>AuditLogModel</name>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Action</source>
            <translation>操作</translation>
        </message>
        <message>
            <source>Record or ledger</source>
            <translation>对象</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
    </context>
    <context>
        <name>BackgroundJob</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Please wait</source>
            <translation>请稍候</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
    </context>
    <context>
        <name>BackupActions</name>
        <message>
            <source>Back up now</source>
            <translation>立即备份</translation>
        </message>
        <message>
            <source>Restore from backup…</source>
            <translation>从备份恢复…</translation>
        </message>
        <message>
            <source>Making a backup…</source>
            <translation>正在备份…</translation>
        </message>
        <message>
            <source>The backup {file} ({size}) was made in {folder}.</source>
            <translation>已在 {folder} 中备份为 {file}（{size}）。</translation>
        </message>
        <message>
            <source>A copy is in {folder}.</source>
            <translation>副本已存入 {folder}。</translation>
        </message>
        <message>
            <source>Backup made: {file}</source>
            <translation>已备份：{file}</translation>
        </message>
        <message>
            <source>The data was restored from {file}.

The data as it was before the restore was saved as {before}.</source>
            <translation>数据已从 {file} 恢复。

恢复前的数据已另存为 {before}。</translation>
        </message>
        <message>
            <source>Restore from backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>The restored data has other accounts: sign in again.</source>
            <translation>恢复后的数据中没有您的账户（或账户已停用）：请重新登录。</translation>
        </message>
    </context>
    <context>
        <name>BuildingDialog</name>
        <message>
            <source>New building</source>
            <translation>新建楼栋</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>Estate</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Building</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Units</source>
            <translation>单元数</translation>
        </message>
        <message>
            <source>Floors</source>
            <translation>层数</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
    </context>
    <context>
        <name>ChangeHeadDialog</name>
        <message>
            <source>Change head of household</source>
            <translation>变更户主</translation>
        </message>
        <message>
            <source>Head now: {name}</source>
            <translation>现户主：{name}</translation>
        </message>
        <message>
            <source>New head</source>
            <translation>新户主</translation>
        </message>
        <message>
            <source>Old head becomes</source>
            <translation>原户主改为</translation>
        </message>
    </context>
    <context>
        <name>ChangePasswordDialog</name>
        <message>
            <source>Change my password</source>
            <translation>修改我的密码</translation>
        </message>
        <message>
            <source>Account: {login}</source>
            <translation>账户：{login}</translation>
        </message>
        <message>
            <source>At least 8 characters</source>
            <translation>至少 8 个字符</translation>
        </message>
        <message>
            <source>Current password</source>
            <translation>当前密码</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>Repeat the new password</source>
            <translation>再次输入新密码</translation>
        </message>
    </context>
    <context>
        <name>ChartPanel</name>
        <message>
            <source>Numbers</source>
            <translation>数据表</translation>
        </message>
        <message>
            <source>Copy image</source>
            <translation>复制图片</translation>
        </message>
        <message>
            <source>Save image…</source>
            <translation>保存图片…</translation>
        </message>
        <message>
            <source>Chart</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>The chart is on the clipboard: paste it into a document.</source>
            <translation>图表已复制到剪贴板，可粘贴到文档中。</translation>
        </message>
        <message>
            <source>Save the chart as an image</source>
            <translation>将图表保存为图片</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>The image could not be written to {path}.</source>
            <translation>图片无法写入 {path}。</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>已保存：{path}</translation>
        </message>
    </context>
    <context>
        <name>ChartView</name>
        <message>
            <source>No data yet</source>
            <translation>暂无数据</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
    </context>
    <context>
        <name>ChartsBox</name>
        <message>
            <source>Charts</source>
            <translation>图表</translation>
        </message>
        <message>
            <source>Grid:</source>
            <translation>网格：</translation>
        </message>
        <message>
            <source>All grids</source>
            <translation>全部网格</translation>
        </message>
        <message>
            <source>&amp;Chart:</source>
            <translation>图表(&amp;C)：</translation>
        </message>
    </context>
    <context>
        <name>CheckInDialog</name>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Scan the card, or type the code or the last 4 digits of the phone or ID number</source>
            <translation>请扫描报到卡，或输入报到卡号、手机号或身份证号后 4 位</translation>
        </message>
        <message>
            <source>Code:</source>
            <translation>编号：</translation>
        </message>
        <message>
            <source>Confirm each</source>
            <translation>逐一确认</translation>
        </message>
        <message>
            <source>On: each check-in or check-out waits for Enter. Off, for a busy door: a scan that finds one member is stored at once.</source>
            <translation>勾选：每次签到或签退须按 Enter 确认。不勾选（适用于人多时快速签到）：扫码只匹配到一名党员时立即记录。</translation>
        </message>
        <message>
            <source>Enter: look up, then Enter again to confirm · ↑↓ or 1–9: choose · Esc: clear, then close</source>
            <translation>Enter：查找，再按 Enter 确认 · ↑↓ 或 1–9：选择 · Esc：清空，再按关闭</translation>
        </message>
        <message>
            <source>This session</source>
            <translation>本次签到</translation>
        </message>
        <message>
            <source>Check-in: {name}</source>
            <translation>签到：{name}</translation>
        </message>
        <message>
            <source>Post: {post}</source>
            <translation>岗位：{post}</translation>
        </message>
        <message>
            <source>Staff on duty: {name}</source>
            <translation>值班人员：{name}</translation>
        </message>
        <message>
            <source>Checked in {checked_in} · Checked out {checked_out} · Total {hours} hours</source>
            <translation>已签到 {checked_in} 人 · 已签退 {checked_out} 人 · 共 {hours} 小时</translation>
        </message>
        <message>
            <source>Not checked in yet</source>
            <translation>尚未签到</translation>
        </message>
        <message>
            <source>Entered from the paper sheet: {hours} hours, {points} points — done</source>
            <translation>已按纸质签到表补录：{hours} 小时，{points} 分，已完成</translation>
        </message>
        <message>
            <source>Checked in at {time}</source>
            <translation>已于 {time} 签到</translation>
        </message>
        <message>
            <source>Checked in at {in_}, out at {out}: {hours} hours, {points} points — done</source>
            <translation>{in_} 签到，{out} 签退：{hours} 小时，{points} 分——已完成</translation>
        </message>
        <message>
            <source>Done (Enter)</source>
            <translation>完成（Enter）</translation>
        </message>
        <message>
            <source>Check in (Enter)</source>
            <translation>签到（Enter）</translation>
        </message>
        <message>
            <source>Check out (Enter)</source>
            <translation>签退（Enter）</translation>
        </message>
        <message>
            <source>{number}  {name}  ·  {person}  ·  {state}</source>
            <translation>{number}  {name}  ·  {person}  ·  {state}</translation>
        </message>
        <message>
            <source>{count} members match {code}: choose one with ↑↓ and Enter, or its number.</source>
            <translation>有 {count} 名党员与 {code} 匹配：请用 ↑↓ 和 Enter 选择，或输入其序号。</translation>
        </message>
        <message>
            <source>{name} checked in only at {time}: press Enter to check out now.</source>
            <translation>{name} 已于 {time} 签到，尚未签退：按 Enter 立即签退。</translation>
        </message>
        <message>
            <source>{name} has already checked out: nothing to do.</source>
            <translation>{name} 已签退，无需操作。</translation>
        </message>
        <message>
            <source>{time}  {name} checked in</source>
            <translation>{time}  {name} 签到</translation>
        </message>
        <message>
            <source>{time}  {name} checked out: {hours} hours, {points} points</source>
            <translation>{time}  {name} 签退：{hours} 小时，{points} 分</translation>
        </message>
    </context>
    <context>
        <name>ClaimTableModel</name>
        <message>
            <source>Card</source>
            <translation>报到卡号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Applied</source>
            <translation>申请日期</translation>
        </message>
        <message>
            <source>Claimed</source>
            <translation>认领日期</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>退出日期</translation>
        </message>
    </context>
    <context>
        <name>CobuildTab</name>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Orders sent up</source>
            <translation>上报订单</translation>
        </message>
        <message>
            <source>Needs (orders)</source>
            <translation>需求清单</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>资源清单</translation>
        </message>
        <message>
            <source>Services and projects</source>
            <translation>服务清单</translation>
        </message>
        <message>
            <source>Units of the area</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Two-way review</source>
            <translation>双向评议</translation>
        </message>
        <message>
            <source>Completion rates</source>
            <translation>办结率</translation>
        </message>
        <message>
            <source>Departments</source>
            <translation>职能部门</translation>
        </message>
        <message>
            <source>Save a copy</source>
            <translation>另存附件</translation>
        </message>
        <message>
            <source>Saved {path}.</source>
            <translation>已保存 {path}。</translation>
        </message>
        <message>
            <source>Select an order first.</source>
            <translation>请先选中一个订单。</translation>
        </message>
    </context>
    <context>
        <name>CommunitiesBox</name>
        <message>
            <source>Communities</source>
            <translation>各社区</translation>
        </message>
        <message>
            <source>{count} communities. Members, households, residents and in-service members are as of today; meetings, follow-ups and points of {year}, from the records each community sent up.</source>
            <translation>共 {count} 个社区。党员、户数、居民和在职党员为截至今天的数字；会议、办结事项和积分为 {year} 年的数字，均来自各社区报送的数据。</translation>
        </message>
    </context>
    <context>
        <name>CommunityLineModel</name>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Party members</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Overdue probation</source>
            <translation>预备期满未转正</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>Meetings held</source>
            <translation>召开会议</translation>
        </message>
        <message>
            <source>Follow-ups done</source>
            <translation>办结事项</translation>
        </message>
        <message>
            <source>In-service members</source>
            <translation>在职党员报到</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>CommunityScope</name>
        <message>
            <source>Unknown office</source>
            <translation>未知单位</translation>
        </message>
        <message>
            <source>The communities add their own records. Choose one of the street office's own to add here.</source>
            <translation>社区的记录由各社区自行新增。如需在此新增，请先选择街道本级的组织。</translation>
        </message>
        <message>
            <source>The communities add these records; the street office sees them here.</source>
            <translation>此类记录由各社区新增，街道在此查看。</translation>
        </message>
        <message>
            <source>The communities change their own records; the street office sees them here.</source>
            <translation>各社区的记录由社区自行修改，街道在此查看。</translation>
        </message>
        <message>
            <source>This record belongs to {community} and can only be changed there.</source>
            <translation>此记录属于{community}，只能在该社区修改。</translation>
        </message>
        <message>
            <source>Community:</source>
            <translation>社区：</translation>
        </message>
        <message>
            <source>Read-only: the communities change their own records</source>
            <translation>只读：社区的记录由各社区自行修改</translation>
        </message>
        <message>
            <source>The street office sees the records of every community as they arrive by sync. They are changed in the community; the street changes only its own records.</source>
            <translation>街道可查看各社区同步上来的记录。这些记录在社区修改；街道只修改本级的记录。</translation>
        </message>
        <message>
            <source>All communities</source>
            <translation>全部社区</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
    </context>
    <context>
        <name>CompleteFollowUpDialog</name>
        <message>
            <source>Mark done</source>
            <translation>标记为已完成</translation>
        </message>
        <message>
            <source>{task} — {owner}</source>
            <translation>{task} — {owner}</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>落实反馈</translation>
        </message>
        <message>
            <source>What was done, and what residents said</source>
            <translation>做了哪些工作，居民有何反映</translation>
        </message>
    </context>
    <context>
        <name>ConfirmFullDialog</name>
        <message>
            <source>Full membership: {name}</source>
            <translation>转正：{name}</translation>
        </message>
        <message>
            <source>{name} joined the Party on {join}; probation ends on {due}. Enter the date the branch meeting confirmed full membership.</source>
            <translation>{name} 于 {join} 入党，预备期至 {due} 届满。请填写支部大会讨论通过转正的日期。</translation>
        </message>
        <message>
            <source>Full member since</source>
            <translation>转正日期</translation>
        </message>
    </context>
    <context>
        <name>ConflictsPage</name>
        <message>
            <source>Show &amp;resolved</source>
            <translation>显示已解决(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Keep current</source>
            <translation>保留当前(&amp;K)</translation>
        </message>
        <message>
            <source>&amp;Take the other version</source>
            <translation>采用另一版本(&amp;T)</translation>
        </message>
        <message>
            <source>Co&amp;mbine: take the checked fields</source>
            <translation>合并所选(&amp;M)</translation>
        </message>
        <message>
            <source>&amp;Same person</source>
            <translation>是同一人(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Different people</source>
            <translation>不是同一人(&amp;D)</translation>
        </message>
        <message>
            <source>Show full &amp;numbers</source>
            <translation>显示完整号码(&amp;N)</translation>
        </message>
        <message>
            <source>Show both versions' ID numbers and phones in full (written to the audit log)</source>
            <translation>完整显示两个版本的身份证号和手机号（将记入审计日志）</translation>
        </message>
        <message>
            <source>{count} open conflicts to settle.</source>
            <translation>有 {count} 个冲突待解决。</translation>
        </message>
        <message>
            <source>No open conflicts.</source>
            <translation>没有未解决的冲突。</translation>
        </message>
        <message>
            <source>Select a conflict to compare its versions.</source>
            <translation>选择一个冲突，对比两个版本。</translation>
        </message>
        <message>
            <source>{table} “{label}”: {kind}</source>
            <translation>{table}“{label}”：{kind}</translation>
        </message>
        <message>
            <source>Resolved: {how}.</source>
            <translation>已解决：{how}。</translation>
        </message>
        <message>
            <source>Two records with the same ID number. If they are the same person, the second record is retired and noted; nothing is deleted for good.</source>
            <translation>两条记录的身份证号相同。如是同一人，第二条记录将停用并注明，不会彻底删除任何数据。</translation>
        </message>
        <message>
            <source>The current version is what everybody has now; the other version lost. Check a field in the right column to take its other value.</source>
            <translation>当前版本是各方现有的数据，另一版本是未被采用的修改。在右栏勾选字段，即可采用另一版本的值。</translation>
        </message>
        <message>
            <source>One PC's clock was wrong: which edit is newer is not certain.</source>
            <translation>有一台电脑的时钟不准，无法确定哪次修改更新。</translation>
        </message>
        <message>
            <source>Resolve the conflict</source>
            <translation>解决冲突</translation>
        </message>
        <message>
            <source>The conflict about “{label}” was resolved.</source>
            <translation>“{label}”的冲突已解决。</translation>
        </message>
        <message>
            <source>Keep the current version of “{label}” and drop the other?</source>
            <translation>保留“{label}”的当前版本，放弃另一版本？</translation>
        </message>
        <message>
            <source>Replace “{label}” by the other version?</source>
            <translation>用另一版本替换“{label}”？</translation>
        </message>
        <message>
            <source>Take the checked fields ({fields}) of the other version into “{label}”?</source>
            <translation>把另一版本中勾选的字段（{fields}）合并到“{label}”？</translation>
        </message>
        <message>
            <source>Are both records of “{label}” the same person? The second record is retired.</source>
            <translation>“{label}”的两条记录是同一人吗？第二条记录将停用。</translation>
        </message>
        <message>
            <source>Are the two records of “{label}” different people? Both are kept.</source>
            <translation>“{label}”的两条记录不是同一人吗？两条都将保留。</translation>
        </message>
        <message>
            <source>This is a change like any other: it goes to the other PCs with the next package and cannot be undone here.</source>
            <translation>这和其他修改一样，会随下一个同步包发给其他电脑，在此无法撤销。</translation>
        </message>
    </context>
    <context>
        <name>CorrectDialog</name>
        <message>
            <source>Correct points</source>
            <translation>更正积分</translation>
        </message>
        <message>
            <source>{date} {item}: {points:+d}. The entry stays in the ledger; the correction is added as its own line.</source>
            <translation>{date} {item}：{points:+d}。原记录保留在积分台账中，更正另起一行记入。</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
    </context>
    <context>
        <name>DateField</name>
        <message>
            <source>YYYY-MM-DD</source>
            <translation>年-月-日</translation>
        </message>
        <message>
            <source>Pick a date</source>
            <translation>选择日期</translation>
        </message>
    </context>
    <context>
        <name>DateNoteDialog</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>DemoLoader</name>
        <message>
            <source>Fill this office with made-up demo data (party members, households, meetings, in-service members) to try the program out? The names and numbers are invented; real records are better typed into an empty office.</source>
            <translation>要在本单位载入虚构的示例数据（党员、户情、会议、在职党员）来试用程序吗？示例中的姓名和号码都是编造的；真实数据最好录入到空的单位中。</translation>
        </message>
        <message>
            <source>Loading the demo data…</source>
            <translation>正在载入示例数据…</translation>
        </message>
        <message>
            <source>The demo data was loaded.</source>
            <translation>示例数据已载入。</translation>
        </message>
    </context>
    <context>
        <name>DepartmentDialog</name>
        <message>
            <source>Edit department</source>
            <translation>编辑职能部门</translation>
        </message>
        <message>
            <source>New department</source>
            <translation>新增职能部门</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>DepartmentTableModel</name>
        <message>
            <source>Department</source>
            <translation>职能部门</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Orders dispatched</source>
            <translation>派单数</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>办结</translation>
        </message>
        <message>
            <source>Completion rate</source>
            <translation>办结率</translation>
        </message>
    </context>
    <context>
        <name>DepartmentsPage</name>
        <message>
            <source>New department…</source>
            <translation>新增职能部门…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>No longer used</source>
            <translation>停用</translation>
        </message>
        <message>
            <source>Used again</source>
            <translation>恢复使用</translation>
        </message>
        <message>
            <source>Edit department</source>
            <translation>编辑职能部门</translation>
        </message>
        <message>
            <source>Department used again</source>
            <translation>职能部门恢复使用</translation>
        </message>
        <message>
            <source>Department no longer used</source>
            <translation>职能部门停用</translation>
        </message>
    </context>
    <context>
        <name>DueList</name>
        <message>
            <source>Overdue</source>
            <translation>已超期</translation>
        </message>
        <message>
            <source>Within 30 days</source>
            <translation>30 天内</translation>
        </message>
        <message>
            <source>Within 60 days</source>
            <translation>60 天内</translation>
        </message>
        <message>
            <source>Within 90 days</source>
            <translation>90 天内</translation>
        </message>
    </context>
    <context>
        <name>DueListModel</name>
        <message>
            <source>When</source>
            <translation>时限</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>所在党组织</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入党时间</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>应转正日期</translation>
        </message>
        <message>
            <source>Days left</source>
            <translation>剩余天数</translation>
        </message>
        <message numerus="yes">
            <source>%n day(s) overdue</source>
            <translation>
                <numerusform>已超期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
    </context>
    <context>
        <name>DuplicateModel</name>
        <message>
            <source>Names</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Addresses</source>
            <translation>住址</translation>
        </message>
        <message>
            <source>Found by</source>
            <translation>判断依据</translation>
        </message>
        <message>
            <source>Same ID number</source>
            <translation>身份证号相同</translation>
        </message>
        <message>
            <source>Same name and birth date</source>
            <translation>姓名和出生日期相同</translation>
        </message>
    </context>
    <context>
        <name>DuplicateTableModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Also in</source>
            <translation>同时登记于</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesBox</name>
        <message>
            <source>Same ID number in two communities</source>
            <translation>跨社区重复身份证号</translation>
        </message>
    </context>
    <context>
        <name>DuplicatesDialog</name>
        <message>
            <source>Residents recorded twice</source>
            <translation>重复登记的居民</translation>
        </message>
        <message>
            <source>No resident seems to be recorded twice.</source>
            <translation>未发现重复登记的居民。</translation>
        </message>
        <message>
            <source>Merge</source>
            <translation>合并</translation>
        </message>
        <message>
            <source>Choose a group, the record to keep, and Merge: the other record's tags, party member link and missing details move to the kept record.</source>
            <translation>选择一组记录和要保留的记录，然后点击“合并”：另一条记录的标签、党员关联和缺少的信息将并入保留的记录。</translation>
        </message>
        <message>
            <source>Keep</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>{name}, {address}</source>
            <translation>{name}，{address}</translation>
        </message>
        <message>
            <source>Keep {record} and merge the other {count} record(s) into it? The merged records are removed from the register.</source>
            <translation>保留 {record}，并将另外 {count} 条记录并入？被合并的记录将从登记中移除。</translation>
        </message>
    </context>
    <context>
        <name>EmptyPage</name>
        <message>
            <source>Import the party roster…</source>
            <translation>导入党员名册…</translation>
        </message>
        <message>
            <source>Import household records…</source>
            <translation>导入户籍数据…</translation>
        </message>
        <message>
            <source>Import sync packages…</source>
            <translation>导入同步包…</translation>
        </message>
        <message>
            <source>Load the demo data</source>
            <translation>载入示例</translation>
        </message>
        <message>
            <source>No data yet</source>
            <translation>还没有数据</translation>
        </message>
        <message>
            <source>The records are imported by the office's staff or administrator; they will show here then.</source>
            <translation>数据由本单位的工作人员或管理员导入，导入后会显示在这里。</translation>
        </message>
        <message>
            <source>The communities' records arrive in their sync packages. Import the packages they sent, or load the demo data to try the program out.</source>
            <translation>各社区的数据通过同步包报送。请导入社区发来的同步包，或载入示例数据试用程序。</translation>
        </message>
        <message>
            <source>Start by importing the party roster and the household records from Excel, or load the demo data to try the program out.</source>
            <translation>请先从 Excel 导入党员名册和户籍数据，或载入示例数据试用程序。</translation>
        </message>
    </context>
    <context>
        <name>EndTagDialog</name>
        <message>
            <source>End a tag</source>
            <translation>结束标签</translation>
        </message>
        <message>
            <source>End the tag {tag}.</source>
            <translation>结束标签：{tag}。</translation>
        </message>
        <message>
            <source>Ends on</source>
            <translation>结束日期</translation>
        </message>
    </context>
    <context>
        <name>EndTermDialog</name>
        <message>
            <source>End term</source>
            <translation>免职（任期结束）</translation>
        </message>
        <message>
            <source>{seat}: {person}, since {date}</source>
            <translation>{seat}：{person}，自 {date} 起</translation>
        </message>
        <message>
            <source>Seat</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Last day</source>
            <translation>任期最后一天</translation>
        </message>
    </context>
    <context>
        <name>EntryTableModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>积分事项</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Rule</source>
            <translation>依据规则</translation>
        </message>
        <message>
            <source>Entered by</source>
            <translation>录入人</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Corrected by a later entry</source>
            <translation>已被后续记录更正</translation>
        </message>
    </context>
    <context>
        <name>ExchangeFolderBox</name>
        <message>
            <source>Exchange folder (optional)</source>
            <translation>交换文件夹（可选）</translation>
        </message>
        <message>
            <source>A shared folder both offices can reach. Packages for this PC found there are imported when the program starts.</source>
            <translation>双方都能访问的共享文件夹。程序启动时会自动导入其中发给本机的同步包。</translation>
        </message>
        <message>
            <source>C&amp;hoose…</source>
            <translation>选择(&amp;H)…</translation>
        </message>
        <message>
            <source>C&amp;lear</source>
            <translation>清除(&amp;L)</translation>
        </message>
        <message>
            <source>Check &amp;now</source>
            <translation>立即检查(&amp;N)</translation>
        </message>
        <message>
            <source>Not set</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source>Exchange folder for sync packages</source>
            <translation>同步包交换文件夹</translation>
        </message>
    </context>
    <context>
        <name>ExportTargetDialog</name>
        <message>
            <source>Export sync packages</source>
            <translation>导出同步包</translation>
        </message>
        <message>
            <source>Choose where to write the packages: a USB stick to carry them, or the shared exchange folder.</source>
            <translation>请选择同步包的保存位置：用U盘带走，或放入共享的交换文件夹。</translation>
        </message>
        <message>
            <source>Exchange folder: {path}</source>
            <translation>交换文件夹：{path}</translation>
        </message>
        <message>
            <source>{name} ({path}), {free} free</source>
            <translation>{name}（{path}），可用 {free}</translation>
        </message>
        <message>
            <source>&amp;Other folder…</source>
            <translation>其他文件夹(&amp;O)…</translation>
        </message>
        <message>
            <source>Write to</source>
            <translation>保存到</translation>
        </message>
        <message>
            <source>All community PCs</source>
            <translation>全部社区电脑</translation>
        </message>
        <message>
            <source>For</source>
            <translation>发给</translation>
        </message>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>Folder for the sync packages</source>
            <translation>同步包保存文件夹</translation>
        </message>
    </context>
    <context>
        <name>ExtendProbationDialog</name>
        <message>
            <source>Extend probation: {name}</source>
            <translation>延长预备期：{name}</translation>
        </message>
        <message>
            <source>Probation can be extended once, by 6 to 12 months.</source>
            <translation>预备期只能延长一次，延长时间为 6 至 12 个月。</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n 个月</numerusform>
            </translation>
        </message>
        <message>
            <source>e.g. decided by the branch meeting</source>
            <translation>例如：经支部大会讨论决定</translation>
        </message>
        <message>
            <source>Extend by</source>
            <translation>延长</translation>
        </message>
        <message>
            <source>New end of probation</source>
            <translation>新的预备期届满日</translation>
        </message>
        <message>
            <source>Decided on</source>
            <translation>决定日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>FiguresBox</name>
        <message>
            <source>At a glance</source>
            <translation>本月/本年概况</translation>
        </message>
        <message>
            <source>Party members: {count}</source>
            <translation>党员 {count} 名</translation>
        </message>
        <message>
            <source>Households: {count}</source>
            <translation>户数 {count} 户</translation>
        </message>
        <message>
            <source>Residents: {count}</source>
            <translation>实有人口 {count} 人</translation>
        </message>
        <message>
            <source>This month</source>
            <translation>本月</translation>
        </message>
        <message>
            <source>This year</source>
            <translation>本年</translation>
        </message>
        <message>
            <source>Meetings held</source>
            <translation>召开会议</translation>
        </message>
        <message>
            <source>of which residents' councils</source>
            <translation>其中居民议事会</translation>
        </message>
        <message>
            <source>Follow-ups done / in all</source>
            <translation>推动解决问题（已办结/总数）</translation>
        </message>
        <message>
            <source>In-service hours</source>
            <translation>在职党员服务时长（小时）</translation>
        </message>
        <message>
            <source>In-service points</source>
            <translation>在职党员积分</translation>
        </message>
    </context>
    <context>
        <name>FollowUpDialog</name>
        <message>
            <source>Edit follow-up</source>
            <translation>编辑落实事项</translation>
        </message>
        <message>
            <source>New follow-up</source>
            <translation>新建落实事项</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>落实事项</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>落实反馈</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>居民公开</translation>
        </message>
        <message>
            <source>Published to residents</source>
            <translation>已向居民公开</translation>
        </message>
        <message>
            <source>A person or a unit, e.g. 物业公司</source>
            <translation>个人或单位，如：物业公司</translation>
        </message>
    </context>
    <context>
        <name>FollowUpTableModel</name>
        <message>
            <source>Meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>决议</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>落实事项</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Due</source>
            <translation>完成时限</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Done on</source>
            <translation>完成日期</translation>
        </message>
        <message>
            <source>Feedback</source>
            <translation>落实反馈</translation>
        </message>
        <message>
            <source>Published</source>
            <translation>已公开</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>Meeting {ref}: {title}</source>
            <translation>会议 {ref}：{title}</translation>
        </message>
        <message>
            <source>Meeting {ref}</source>
            <translation>会议 {ref}</translation>
        </message>
        <message numerus="yes">
            <source>Due on {date}: %n day(s) late</source>
            <translation>
                <numerusform>完成时限 {date}，已逾期 %n 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Published to residents (公开)</source>
            <translation>已向居民公开</translation>
        </message>
    </context>
    <context>
        <name>FollowUpsView</name>
        <message>
            <source>Mark done…</source>
            <translation>标记完成…</translation>
        </message>
        <message>
            <source>Record that the follow-up was carried out (Ctrl+D)</source>
            <translation>登记该事项已落实（Ctrl+D）</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Change the selected follow-up (Enter)</source>
            <translation>修改所选落实事项（Enter）</translation>
        </message>
        <message>
            <source>Open meeting</source>
            <translation>打开会议</translation>
        </message>
        <message>
            <source>Show the meeting that decided it (double-click)</source>
            <translation>显示作出该决议的会议（双击）</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Print the follow-ups shown</source>
            <translation>打印当前显示的落实事项</translation>
        </message>
        <message>
            <source>All follow-ups</source>
            <translation>全部落实事项</translation>
        </message>
        <message>
            <source>Not done</source>
            <translation>未完成</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Due within 7 days</source>
            <translation>7 天内到期</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <source>The year of the meeting</source>
            <translation>会议召开年份</translation>
        </message>
        <message>
            <source>Search: task, owner, resolution, feedback</source>
            <translation>搜索：落实事项、责任人、决议、落实反馈</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>年份：</translation>
        </message>
        <message numerus="yes">
            <source>%n follow-up(s)</source>
            <translation>
                <numerusform>共 %n 项落实事项</numerusform>
            </translation>
        </message>
        <message>
            <source>In {year}: {solved} problem(s) solved · {open} not done · {overdue} overdue</source>
            <translation>{year} 年：解决问题 {solved} 件 · 未完成 {open} 项 · 逾期 {overdue} 项</translation>
        </message>
        <message>
            <source>Solved: follow-ups marked done during the year. Not done and overdue: all meetings, as of {date}.</source>
            <translation>解决问题：本年度内标记为已完成的落实事项。未完成和逾期：统计全部会议，截至 {date}。</translation>
        </message>
        <message>
            <source>Meeting {date}: {resolution}</source>
            <translation>{date} 会议：{resolution}</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>落实事项</translation>
        </message>
    </context>
    <context>
        <name>FormDialog</name>
        <message>
            <source>{label}:</source>
            <translation>{label}：</translation>
        </message>
    </context>
    <context>
        <name>GridDialog</name>
        <message>
            <source>Edit grid</source>
            <translation>编辑网格</translation>
        </message>
        <message>
            <source>New grid</source>
            <translation>新建网格</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编码</translation>
        </message>
        <message>
            <source>12-digit community code + 3-digit serial</source>
            <translation>12 位社区统计代码 + 3 位序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Dedicated to</source>
            <translation>专属类别</translation>
        </message>
        <message>
            <source>Boundary</source>
            <translation>四至范围</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Party branch</source>
            <translation>党支部</translation>
        </message>
    </context>
    <context>
        <name>GridRoleDialog</name>
        <message>
            <source>Grid team of {grid}</source>
            <translation>网格队伍：{grid}</translation>
        </message>
        <message>
            <source>{role}: {name} since {date}</source>
            <translation>{role}：{name}（{date} 起）</translation>
        </message>
        <message>
            <source>Current team (1+2+X):</source>
            <translation>现任队伍（1+2+X）：</translation>
        </message>
        <message>
            <source>nobody yet</source>
            <translation>暂无</translation>
        </message>
        <message>
            <source>Team role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始日期</translation>
        </message>
    </context>
    <context>
        <name>HouseDialog</name>
        <message>
            <source>New house in {building}</source>
            <translation>在{building}新建房屋</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>房号</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>产权人</translation>
        </message>
        <message>
            <source>Use</source>
            <translation>用途</translation>
        </message>
    </context>
    <context>
        <name>HouseholdActions</name>
        <message>
            <source>The grid was saved.</source>
            <translation>网格已保存。</translation>
        </message>
        <message>
            <source>The household was saved.</source>
            <translation>住户已保存。</translation>
        </message>
        <message>
            <source>Add resident</source>
            <translation>添加居民</translation>
        </message>
        <message>
            <source>Resident {name}</source>
            <translation>居民 {name}</translation>
        </message>
        <message>
            <source>The party member link was saved.</source>
            <translation>党员关联已保存。</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) merged.</source>
            <translation>
                <numerusform>已合并 %n 条记录。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HouseholdCommands</name>
        <message>
            <source>Edit grid {name}</source>
            <translation>编辑网格 {name}</translation>
        </message>
        <message>
            <source>Edit resident {name}</source>
            <translation>编辑居民 {name}</translation>
        </message>
        <message>
            <source>Link {name} to a party member</source>
            <translation>将 {name} 关联到党员</translation>
        </message>
        <message>
            <source>Unlink {name} from the party member</source>
            <translation>取消 {name} 与党员的关联</translation>
        </message>
        <message>
            <source>Mark {address} as a party member centre household</source>
            <translation>将 {address} 设为党员中心户</translation>
        </message>
        <message>
            <source>Unmark {address} as a party member centre household</source>
            <translation>取消 {address} 的党员中心户</translation>
        </message>
        <message>
            <source>Make {name} head of the household</source>
            <translation>将 {name} 设为户主</translation>
        </message>
        <message>
            <source>Move the household of {address}</source>
            <translation>迁移 {address} 的住户</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDetailPanel</name>
        <message>
            <source>Add visit…</source>
            <translation>添加走访…</translation>
        </message>
        <message>
            <source>Visits</source>
            <translation>走访记录</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>家庭成员</translation>
        </message>
        <message>
            <source>No household selected</source>
            <translation>未选择住户</translation>
        </message>
        <message>
            <source>Household number: {number}</source>
            <translation>户号：{number}</translation>
        </message>
        <message>
            <source>Kind: {kind}</source>
            <translation>类别：{kind}</translation>
        </message>
        <message>
            <source>Last visit: {date}</source>
            <translation>最近走访：{date}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>Dissolved on {date}</source>
            <translation>{date} 销户</translation>
        </message>
        <message>
            <source>Party member centre household</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Offered when a member of the household is linked to a party member</source>
            <translation>户内有成员已关联党员时可设置</translation>
        </message>
        <message>
            <source>Visits ({count})</source>
            <translation>走访记录（{count}）</translation>
        </message>
    </context>
    <context>
        <name>HouseholdDialog</name>
        <message>
            <source>New household at {address}</source>
            <translation>在{address}新建住户</translation>
        </message>
        <message>
            <source>Household number</source>
            <translation>户号</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Add member…</source>
            <translation>添加成员…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>家庭成员</translation>
        </message>
        <message>
            <source>Member of the new household</source>
            <translation>新住户成员</translation>
        </message>
        <message>
            <source>{name} — {relation}</source>
            <translation>{name} — {relation}</translation>
        </message>
    </context>
    <context>
        <name>HouseholdMemberModel</name>
        <message>
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>出生年月</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>died {date}</source>
            <translation>{date} 死亡</translation>
        </message>
        <message>
            <source>moved out {date}</source>
            <translation>{date} 迁出</translation>
        </message>
        <message>
            <source>lives here</source>
            <translation>在住</translation>
        </message>
    </context>
    <context>
        <name>HouseholdTreeModel</name>
        <message>
            <source>Grid / building / house</source>
            <translation>网格 / 楼栋 / 房屋</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>人数</translation>
        </message>
        <message>
            <source>Care tags</source>
            <translation>关爱对象</translation>
        </message>
        <message>
            <source>Unit {unit}</source>
            <translation>{unit}单元</translation>
        </message>
        <message>
            <source>(no unit)</source>
            <translation>（无单元）</translation>
        </message>
        <message>
            <source>No household lives here</source>
            <translation>此房屋无住户</translation>
        </message>
    </context>
    <context>
        <name>HouseholdsTab</name>
        <message>
            <source>Whole community</source>
            <translation>全社区</translation>
        </message>
        <message>
            <source>New grid…</source>
            <translation>新建网格…</translation>
        </message>
        <message>
            <source>Grid team…</source>
            <translation>网格队伍…</translation>
        </message>
        <message>
            <source>The 1+2+X team of the selected grid</source>
            <translation>所选网格的“1+2+X”队伍</translation>
        </message>
        <message>
            <source>New building…</source>
            <translation>新建楼栋…</translation>
        </message>
        <message>
            <source>New house…</source>
            <translation>新建房屋…</translation>
        </message>
        <message>
            <source>New household…</source>
            <translation>新建住户…</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Edit grid…</source>
            <translation>编辑网格…</translation>
        </message>
        <message>
            <source>Add resident…</source>
            <translation>添加居民…</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>打开…</translation>
        </message>
        <message>
            <source>Tags…</source>
            <translation>标签…</translation>
        </message>
        <message>
            <source>Move out…</source>
            <translation>迁出…</translation>
        </message>
        <message>
            <source>Death…</source>
            <translation>登记死亡…</translation>
        </message>
        <message>
            <source>Change head…</source>
            <translation>变更户主…</translation>
        </message>
        <message>
            <source>Move household…</source>
            <translation>整户搬迁…</translation>
        </message>
        <message>
            <source>Add visit…</source>
            <translation>添加走访…</translation>
        </message>
        <message>
            <source>Party member…</source>
            <translation>关联党员…</translation>
        </message>
        <message>
            <source>Link the resident to a party member on the roster, or unlink</source>
            <translation>将居民关联到花名册中的党员，或取消关联</translation>
        </message>
        <message>
            <source>Duplicates…</source>
            <translation>重复档案…</translation>
        </message>
        <message>
            <source>Residents recorded twice, and merging them</source>
            <translation>查找并合并重复登记的居民</translation>
        </message>
        <message>
            <source>Export this view to Excel…</source>
            <translation>导出当前列表到 Excel…</translation>
        </message>
        <message>
            <source>Export this view with full numbers…</source>
            <translation>导出当前列表（含完整号码）到 Excel…</translation>
        </message>
        <message>
            <source>Save the residents shown with full ID numbers and phones, to import back; recorded in the audit log</source>
            <translation>将当前列出的居民连同完整的证件号码和电话保存为 Excel 文件，可再导入；此操作记入审计日志</translation>
        </message>
        <message>
            <source>Import residents from Excel…</source>
            <translation>从 Excel 导入实有人口…</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Excel</source>
            <translation>Excel</translation>
        </message>
        <message>
            <source>All grids</source>
            <translation>全部网格</translation>
        </message>
        <message>
            <source>Export this view to Excel</source>
            <translation>导出当前列表到 Excel</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Choose a grid or a building in the tree first.</source>
            <translation>请先在左侧选择网格或楼栋。</translation>
        </message>
        <message>
            <source>Choose a grid in the tree first.</source>
            <translation>请先在左侧选择网格。</translation>
        </message>
        <message>
            <source>List by care tag</source>
            <translation>关爱对象名单</translation>
        </message>
        <message>
            <source>Care tag:</source>
            <translation>关爱类别：</translation>
        </message>
    </context>
    <context>
        <name>HouseholdsView</name>
        <message>
            <source>Search: name, pinyin or initials (zw), last digits of ID or phone, 3-2-301</source>
            <translation>搜索：姓名、拼音或首字母（如 zw）、证件号码或手机号后几位、3-2-301</translation>
        </message>
        <message>
            <source>All grids</source>
            <translation>全部网格</translation>
        </message>
        <message>
            <source>All care tags</source>
            <translation>不限关爱标签</translation>
        </message>
        <message>
            <source>Any care tag</source>
            <translation>所有关爱对象</translation>
        </message>
        <message>
            <source>All population types</source>
            <translation>全部人口类型</translation>
        </message>
        <message>
            <source>Any residence</source>
            <translation>全部人户状态</translation>
        </message>
        <message>
            <source>All ages</source>
            <translation>全部年龄</translation>
        </message>
        <message>
            <source>Not visited for</source>
            <translation>未走访超过</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>Reading residents…</source>
            <translation>正在读取居民…</translation>
        </message>
        <message numerus="yes">
            <source>%n resident(s)</source>
            <translation>
                <numerusform>共 %n 人</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>, %n household(s)</source>
            <translation>
                <numerusform>，%n 户</numerusform>
            </translation>
        </message>
        <message>
            <source>Whole community</source>
            <translation>全社区</translation>
        </message>
    </context>
    <context>
        <name>IdFill</name>
        <message>
            <source>Born {date}, {sex}: filled in from the ID number.</source>
            <translation>出生 {date}，{sex}：已按证件号填写。</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import</source>
            <extracomment>who imports: the records name the person, the audit log the account</extracomment>
            <translation>导入</translation>
        </message>
        <message>
            <source>Match the columns</source>
            <translation>对应各列</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>积分事项</translation>
        </message>
        <message>
            <source>Column in the sheet</source>
            <translation>工作表中的列</translation>
        </message>
        <message>
            <source>{label} *</source>
            <translation>{label} *</translation>
        </message>
        <message>
            <source>Column titles found in row {row}; the data starts in row {start}.</source>
            <translation>列标题位于第 {row} 行；数据从第 {start} 行开始。</translation>
        </message>
        <message>
            <source>Column titles found in rows {first} and {last}; the data starts in row {start}.</source>
            <translation>列标题在第 {first} 行和第 {last} 行，数据从第 {start} 行开始。</translation>
        </message>
        <message>
            <source>(not in the sheet)</source>
            <translation>（表中没有）</translation>
        </message>
        <message>
            <source>{title} (column {letter})</source>
            <translation>{title}（{letter} 列）</translation>
        </message>
        <message>
            <source>Column {letter}</source>
            <translation>{letter} 列</translation>
        </message>
        <message>
            <source>Check the rows</source>
            <translation>检查各行</translation>
        </message>
        <message>
            <source>Check again</source>
            <translation>重新检查</translation>
        </message>
        <message>
            <source>Check the file again after correcting and saving it.</source>
            <translation>改正并保存文件后重新检查。</translation>
        </message>
        <message>
            <source>Export problems…</source>
            <translation>导出问题清单…</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行号</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Checking the rows of {sheet}…</source>
            <translation>正在检查“{sheet}”的各行…</translation>
        </message>
        <message>
            <source>Checking the rows…</source>
            <translation>正在检查各行…</translation>
        </message>
        <message>
            <source>Problems: {count} in {rows} rows. Correct them in the file, save it and click Check again; nothing is imported until every problem is solved.</source>
            <translation>问题：{count} 个，涉及 {rows} 行。请在文件中改正并保存，然后点击“重新检查”；所有问题解决之前不会导入任何数据。</translation>
        </message>
        <message>
            <source>No problems found. Click Import to import the file.</source>
            <translation>未发现问题。点击“导入”导入该文件。</translation>
        </message>
        <message>
            <source>The check failed because of an unexpected error.</source>
            <translation>检查因意外错误而失败。</translation>
        </message>
        <message>
            <source>The check was cancelled.</source>
            <translation>检查已取消。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>The rows are being checked.</source>
            <translation>正在检查各行。</translation>
        </message>
        <message>
            <source>The file has not been checked.</source>
            <translation>文件尚未检查。</translation>
        </message>
        <message>
            <source>Problems to fix: {count}</source>
            <translation>待改正问题：{count}</translation>
        </message>
        <message>
            <source>Correct the problems in the file and check it again; nothing is imported while a problem is left.</source>
            <translation>请在文件中改正问题后重新检查；只要还有问题，就不会导入任何数据。</translation>
        </message>
        <message>
            <source>Nothing to import</source>
            <translation>没有可导入的内容</translation>
        </message>
        <message>
            <source>{name} problems.xlsx</source>
            <translation>{name} 问题清单.xlsx</translation>
        </message>
        <message>
            <source>Export the problems</source>
            <translation>导出问题清单</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>The problems were saved to {path}.</source>
            <translation>问题清单已保存到 {path}。</translation>
        </message>
        <message>
            <source>Check and import again</source>
            <translation>重新检查并导入</translation>
        </message>
        <message>
            <source>Check the file again and, if it has no problems, import it.</source>
            <translation>重新检查文件，如无问题则导入。</translation>
        </message>
        <message>
            <source>The import failed because of an unexpected error; nothing was changed.</source>
            <translation>导入因意外错误而失败，未做任何更改。</translation>
        </message>
        <message>
            <source>The import was cancelled; nothing was changed.</source>
            <translation>导入已取消，未做任何更改。</translation>
        </message>
    </context>
    <context>
        <name>InServiceLedgers</name>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
        <message>
            <source>Choose a work unit first: in the filter of the registrations or of the points page, or select one of its members.</source>
            <translation>请先选择工作单位：在报到登记或积分页的筛选中选择，或选中该单位的一名党员。</translation>
        </message>
        <message numerus="yes">
            <source>%n letter(s) written to {folder}.</source>
            <translation>
                <numerusform>已生成 %n 份反馈函，保存在 {folder}。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>InServiceTab</name>
        <message>
            <source>Registrations</source>
            <translation>报到登记</translation>
        </message>
        <message>
            <source>Service posts</source>
            <translation>服务岗位</translation>
        </message>
        <message>
            <source>Activities and check-in</source>
            <translation>活动与签到</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Folder for the letters</source>
            <translation>反馈函保存文件夹</translation>
        </message>
    </context>
    <context>
        <name>ItemDialog</name>
        <message>
            <source>Edit agenda item</source>
            <translation>编辑议题</translation>
        </message>
        <message>
            <source>New agenda item</source>
            <translation>新建议题</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>议题名称</translation>
        </message>
        <message>
            <source>Raised by</source>
            <translation>议题来源</translation>
        </message>
        <message>
            <source>Proposer</source>
            <translation>提出人</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
    </context>
    <context>
        <name>LeaveDialog</name>
        <message>
            <source>Record death</source>
            <translation>登记死亡</translation>
        </message>
        <message>
            <source>Move out</source>
            <translation>迁出</translation>
        </message>
        <message>
            <source>{name}, {address}</source>
            <translation>{name}，{address}</translation>
        </message>
        <message>
            <source>Date of death</source>
            <translation>死亡日期</translation>
        </message>
        <message>
            <source>Moved out on</source>
            <translation>迁出日期</translation>
        </message>
        <message>
            <source>Reason or destination</source>
            <translation>迁出原因或去向</translation>
        </message>
        <message>
            <source>Record that {name} died on {date}? The record stays, marked as deceased.</source>
            <translation>登记{name}于 {date} 死亡？记录将保留并标记为已故。</translation>
        </message>
        <message>
            <source>Record that {name} moved out on {date}? The record stays, marked as moved out.</source>
            <translation>登记{name}于 {date} 迁出？记录将保留并标记为已迁出。</translation>
        </message>
    </context>
    <context>
        <name>LedgerJobs</name>
        <message>
            <source>Making the ledger was cancelled.</source>
            <translation>已取消生成台账。</translation>
        </message>
        <message>
            <source>{ledger} with full addresses of your grid.</source>
            <translation>{ledger}（含本网格完整门牌地址）。</translation>
        </message>
        <message>
            <source>{what} saved to {path}</source>
            <translation>{what}，已保存到 {path}</translation>
        </message>
        <message>
            <source>{what}, {pages} pages printed</source>
            <translation>{what}，已打印 {pages} 页</translation>
        </message>
    </context>
    <context>
        <name>LockScreen</name>
        <message>
            <source>GridOffice is locked</source>
            <translation>网格通已锁定</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Switch user…</source>
            <translation>切换用户…</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>The window was locked after a while without use. {name} ({role}), enter your password to go on.</source>
            <translation>窗口因一段时间无人操作已锁定。请{name}（{role}）输入密码继续。</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Switch user</source>
            <translation>切换用户</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>Forgot the password? Use the recovery key</source>
            <translation>忘记密码／使用恢复密钥</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>Loading…</source>
            <translation>正在加载…</translation>
        </message>
        <message>
            <source>Party members</source>
            <translation>党员名册</translation>
        </message>
        <message>
            <source>Workbench</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open data folder</source>
            <translation>打开数据目录</translation>
        </message>
        <message>
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Redo</source>
            <translation>重做</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <source>Office and language…</source>
            <translation>单位与语言…</translation>
        </message>
        <message>
            <source>Accounts…</source>
            <translation>账户管理…</translation>
        </message>
        <message>
            <source>Print a new recovery key…</source>
            <translation>打印新的数据恢复密钥…</translation>
        </message>
        <message>
            <source>Roles and permissions…</source>
            <translation>角色与权限…</translation>
        </message>
        <message>
            <source>Audit log…</source>
            <translation>审计日志…</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>About GridOffice</source>
            <translation>关于网格通</translation>
        </message>
        <message>
            <source>Data: {path}</source>
            <translation>数据：{path}</translation>
        </message>
        <message>
            <source>GridOffice — office not set up</source>
            <translation>网格通 — 尚未设置单位</translation>
        </message>
        <message>
            <source>Office not set up</source>
            <translation>尚未设置单位</translation>
        </message>
        <message>
            <source>GridOffice — {office}</source>
            <translation>网格通 — {office}</translation>
        </message>
        <message>
            <source>Office: {office}</source>
            <translation>单位：{office}</translation>
        </message>
        <message>
            <source>GridOffice — {office} ({street})</source>
            <translation>网格通 — {office}（{street}）</translation>
        </message>
        <message>
            <source>Office: {office}, {street}</source>
            <translation>单位：{office}，{street}</translation>
        </message>
        <message>
            <source>Role: {role}</source>
            <translation>单位类型：{role}</translation>
        </message>
        <message>
            <source>Checking the data file…</source>
            <translation>正在检查数据文件…</translation>
        </message>
        <message>
            <source>No backup yet</source>
            <translation>尚无备份</translation>
        </message>
        <message>
            <source>Backup: today</source>
            <translation>备份：今天</translation>
        </message>
        <message>
            <source>There is no backup of the last week: check the backups folder {path}</source>
            <translation>最近一周没有备份：请检查备份文件夹 {path}</translation>
        </message>
        <message>
            <source>Grid households</source>
            <translation>网格户情</translation>
        </message>
        <message>
            <source>Resident council</source>
            <translation>居民议事会</translation>
        </message>
        <message>
            <source>In-service members</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Sync</source>
            <translation>数据同步</translation>
        </message>
        <message>
            <source>The folder {path} could not be opened.</source>
            <translation>无法打开文件夹 {path}。</translation>
        </message>
        <message>
            <source>The office settings were saved.</source>
            <translation>单位设置已保存。</translation>
        </message>
        <message>
            <source>This office has accounts now: its data will be encrypted when GridOffice starts next, and the administrator will print the recovery key then. Restart GridOffice soon.</source>
            <translation>本单位现在已有账户：下次启动网格通时将加密数据，届时由管理员打印数据恢复密钥。请尽快重新启动网格通。</translation>
        </message>
        <message>
            <source>A new recovery key replaces the one printed before: the old sheet stops opening the data. Destroy it once the new one is in the safe. Make a new recovery key now?</source>
            <translation>新的恢复密钥将取代之前打印的密钥：旧密钥纸将无法再打开数据。新密钥纸放入保险柜后，请销毁旧的。现在生成新的恢复密钥吗？</translation>
        </message>
        <message>
            <source>Print a new recovery key</source>
            <translation>打印新的数据恢复密钥</translation>
        </message>
        <message>
            <source>GridOffice {version}
An offline office program for community party building and grid work.

Data folder: {data}
Log file: {log}</source>
            <translation>网格通 {version}
面向社区党建和网格工作的离线办公程序。

数据目录：{data}
日志文件：{log}</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Co-building</source>
            <translation>共驻共建</translation>
        </message>
    </context>
    <context>
        <name>MatchTableModel</name>
        <message>
            <source>Resource</source>
            <translation>资源</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供方</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Open orders</source>
            <translation>在办订单</translation>
        </message>
        <message>
            <source>whole community</source>
            <translation>全社区</translation>
        </message>
    </context>
    <context>
        <name>MeetingActions</name>
        <message>
            <source>Schedule next council…</source>
            <translation>安排下次议事会…</translation>
        </message>
        <message>
            <source>The next resident council by the rule, in the meeting form</source>
            <translation>按议事规则在会议表单中填好下次居民议事会</translation>
        </message>
        <message>
            <source>New meeting…</source>
            <translation>新建会议…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Cancel meeting…</source>
            <translation>取消会议…</translation>
        </message>
        <message>
            <source>Start sign-in</source>
            <translation>开始签到</translation>
        </message>
        <message>
            <source>Finish</source>
            <translation>结束会议</translation>
        </message>
        <message>
            <source>Approve minutes…</source>
            <translation>审定会议记录…</translation>
        </message>
        <message>
            <source>Lock the minutes; later changes are recorded as amendments</source>
            <translation>锁定会议记录，此后的修改将作为修正记录保存</translation>
        </message>
        <message>
            <source>Amend…</source>
            <translation>修正…</translation>
        </message>
        <message>
            <source>Settings…</source>
            <translation>设置…</translation>
        </message>
        <message>
            <source>Council day, holidays, vote base</source>
            <translation>议事日、节假日、表决基数</translation>
        </message>
        <message>
            <source>Proposed by the rule: {date} ({weekday}), session {number}.</source>
            <translation>按议事规则建议：{date}（{weekday}），第 {number} 期。</translation>
        </message>
        <message>
            <source>The {day}th falls on a weekend or holiday; the council moves to the next working day.</source>
            <translation>{day} 日适逢周末或节假日，议事会顺延至下一个工作日。</translation>
        </message>
        <message>
            <source>Copy the attendees of the last council</source>
            <translation>沿用上次议事会的参会人员</translation>
        </message>
        <message>
            <source>The meeting was saved.</source>
            <translation>会议已保存。</translation>
        </message>
        <message>
            <source>Edit meeting</source>
            <translation>编辑会议</translation>
        </message>
        <message>
            <source>Cancel meeting</source>
            <translation>取消会议</translation>
        </message>
        <message>
            <source>The meeting stays on the list, marked cancelled.</source>
            <translation>该会议仍保留在列表中，并标记为已取消。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Start meeting</source>
            <translation>开始会议</translation>
        </message>
        <message>
            <source>Finish meeting</source>
            <translation>结束会议</translation>
        </message>
        <message>
            <source>The meeting is finished.</source>
            <translation>会议已结束。</translation>
        </message>
        <message>
            <source>Approve the minutes of {ref}? They are then locked: every later change needs a reason and is recorded as an amendment.</source>
            <translation>确定审定 {ref} 的会议记录吗？审定后会议记录将锁定：此后每次修改都须填写理由，并作为修正记录保存。</translation>
        </message>
        <message>
            <source>Approve minutes</source>
            <translation>审定会议记录</translation>
        </message>
        <message>
            <source>The minutes were approved.</source>
            <translation>会议记录已审定。</translation>
        </message>
        <message>
            <source>The minutes were approved on {date} and are locked. Change them as usual in the meeting and its lists: each change asks for a reason and is recorded as a dated amendment, listed under Amendments and printed with the minutes.</source>
            <translation>会议记录已于 {date} 审定并锁定。如需修改，仍在会议及其各列表中照常操作：每次修改都要求填写理由，并作为注明日期的修正记录保存，显示在“修正记录”中，并随会议记录一同打印。</translation>
        </message>
        <message>
            <source>The meeting rules were saved.</source>
            <translation>议事规则已保存。</translation>
        </message>
    </context>
    <context>
        <name>MeetingDetailPanel</name>
        <message>
            <source>Attendees</source>
            <translation>参会人员</translation>
        </message>
        <message>
            <source>Agenda</source>
            <translation>议题</translation>
        </message>
        <message>
            <source>Amendments</source>
            <translation>修正记录</translation>
        </message>
        <message>
            <source>Attachments</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>No meeting selected</source>
            <translation>未选择会议</translation>
        </message>
        <message>
            <source>{type}, session {number}</source>
            <translation>{type}（第 {number} 期）</translation>
        </message>
        <message>
            <source>{ref} · {type} · {start}{end} · Place: {place} · Host: {host} · Recorder: {recorder} · {status}</source>
            <translation>{ref} · {type} · {start}{end} · 地点：{place} · 主持人：{host} · 记录人：{recorder} · {status}</translation>
        </message>
        <message>
            <source>Expected {expected} · Present {present} · On leave {leave} · Absent {absent} · Observers {observers} · Not marked {unmarked}</source>
            <translation>应到 {expected} · 实到 {present} · 请假 {leave} · 缺席 {absent} · 列席 {observers} · 未标记 {unmarked}</translation>
        </message>
        <message>
            <source>Approved on {date} — the minutes are locked; changes are recorded as amendments.</source>
            <translation>已于 {date} 审定 — 会议记录已锁定，修改将作为修正记录保存。</translation>
        </message>
        <message>
            <source>Amendments ({count})</source>
            <translation>修正记录（{count}）</translation>
        </message>
        <message>
            <source>Amend approved minutes</source>
            <translation>修正已审定的会议记录</translation>
        </message>
        <message>
            <source>The minutes were approved on {date}. The change is recorded as an amendment with today's date, your name and this reason.</source>
            <translation>会议记录已于 {date} 审定。本次修改将作为修正记录保存，并记下今天的日期、您的姓名和以下理由。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>MeetingDialog</name>
        <message>
            <source>New meeting</source>
            <translation>新建会议</translation>
        </message>
        <message>
            <source>Edit meeting</source>
            <translation>编辑会议</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>期数</translation>
        </message>
        <message>
            <source>No. </source>
            <translation>第 </translation>
        </message>
        <message>
            <source> </source>
            <comment>after the session number: 第 12 期</comment>
            <translation> 期</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>until</source>
            <translation>至</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>End</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Attendees</source>
            <translation>参会人员</translation>
        </message>
    </context>
    <context>
        <name>MeetingFilters</name>
        <message>
            <source>All types</source>
            <translation>全部类型</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年份</translation>
        </message>
        <message>
            <source>Any status</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Search: title, place, host, number or date</source>
            <translation>搜索：标题、地点、主持人、编号或日期</translation>
        </message>
        <message numerus="yes">
            <source>%n meeting(s)</source>
            <translation>
                <numerusform>共 %n 次会议</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MeetingTableModel</name>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>期数</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>日期时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Expected/present</source>
            <translation>应到/实到</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>议题数</translation>
        </message>
        <message>
            <source>Open follow-ups</source>
            <translation>未落实</translation>
        </message>
        <message>
            <source>Session {number}</source>
            <translation>第 {number} 期</translation>
        </message>
        <message>
            <source>{status}, approved</source>
            <translation>{status}，已审定</translation>
        </message>
    </context>
    <context>
        <name>MeetingsTab</name>
        <message>
            <source>Meetings</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Follow-up tracking</source>
            <translation>落实跟踪</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>打印</translation>
        </message>
    </context>
    <context>
        <name>MemberActions</name>
        <message>
            <source>New party member</source>
            <translation>新增党员</translation>
        </message>
        <message>
            <source>The member was added.</source>
            <translation>已新增党员。</translation>
        </message>
        <message>
            <source>Party member: {name}</source>
            <translation>党员信息：{name}</translation>
        </message>
        <message>
            <source>{name} was saved.</source>
            <translation>{name} 的信息已保存。</translation>
        </message>
        <message>
            <source>Transfer in a party member</source>
            <translation>组织关系转入</translation>
        </message>
        <message>
            <source>The member was transferred in.</source>
            <translation>组织关系已转入。</translation>
        </message>
        <message>
            <source>{name} is a full member since {date}.</source>
            <translation>{name} 已于 {date} 转为正式党员。</translation>
        </message>
        <message>
            <source>The probation of {name} was extended.</source>
            <translation>{name} 的预备期已延长。</translation>
        </message>
        <message>
            <source>The transfer of {name} was started.</source>
            <translation>{name} 的组织关系转出已开始办理。</translation>
        </message>
        <message>
            <source>{name} has no transfer in progress.</source>
            <translation>{name} 没有正在办理的组织关系转接。</translation>
        </message>
        <message>
            <source>The transfer of {name} was updated.</source>
            <translation>{name} 的组织关系转接状态已更新。</translation>
        </message>
        <message>
            <source>{name}: {status} on {date}.</source>
            <translation>{name}：{date} {status}。</translation>
        </message>
        <message>
            <source>Restore {name}, who was transferred out? This cannot be undone; a member who comes back is usually transferred in.</source>
            <translation>确定恢复已转出的 {name} 吗？此操作无法撤销；党员回到本社区时，通常应办理组织关系转入。</translation>
        </message>
        <message>
            <source>{name} is an active member again.</source>
            <translation>{name} 已恢复为在册党员。</translation>
        </message>
    </context>
    <context>
        <name>MemberCommands</name>
        <message>
            <source>Add {name}</source>
            <translation>新增 {name}</translation>
        </message>
        <message>
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <source>Full membership of {name}</source>
            <translation>{name} 转正</translation>
        </message>
        <message>
            <source>Extend the probation of {name}</source>
            <translation>延长 {name} 的预备期</translation>
        </message>
        <message>
            <source>Record the death of {name}</source>
            <translation>登记 {name} 去世</translation>
        </message>
        <message>
            <source>Record that {name} left the Party</source>
            <translation>登记 {name} 出党</translation>
        </message>
        <message>
            <source>Suspend the membership of {name}</source>
            <translation>停止 {name} 的党籍</translation>
        </message>
        <message>
            <source>Undo</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Restore {name}</source>
            <translation>恢复 {name}</translation>
        </message>
    </context>
    <context>
        <name>MemberDetailPanel</name>
        <message>
            <source>Select a member to see the history.</source>
            <translation>选择一名党员即可查看其经历。</translation>
        </message>
        <message>
            <source>History</source>
            <translation>变动记录</translation>
        </message>
        <message>
            <source>Organisations</source>
            <translation>所在党组织</translation>
        </message>
        <message>
            <source>Transfers</source>
            <translation>组织关系转接</translation>
        </message>
        <message>
            <source>Transfers ({count})</source>
            <translation>组织关系转接（{count}）</translation>
        </message>
        <message>
            <source>joined {date}</source>
            <translation>{date} 入党</translation>
        </message>
        <message>
            <source>probation over since {date}, not confirmed</source>
            <translation>预备期已于 {date} 届满，待转正</translation>
        </message>
        <message>
            <source>full membership due {date}</source>
            <translation>应于 {date} 转正</translation>
        </message>
        <message>
            <source> · </source>
            <translation> · </translation>
        </message>
    </context>
    <context>
        <name>MemberEventModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>经办人</translation>
        </message>
    </context>
    <context>
        <name>MemberFormDialog</name>
        <message>
            <source>Save</source>
            <extracomment>full ID, phone; None: the account may not reveal, the button is not offered transfer in (组织关系转入) instead of submit: (draft, from, in date, dues paid up to)</extracomment>
            <translation>保存</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>基本信息</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Former name</source>
            <translation>曾用名</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>18 characters; the birth date and sex follow</source>
            <translation>18 位，出生日期和性别随之自动填写</translation>
        </message>
        <message>
            <source>Show full ID number</source>
            <translation>显示完整证件号码</translation>
        </message>
        <message>
            <source>Shows the full ID number and phone. Each viewing is recorded in the audit log.</source>
            <translation>显示完整的证件号码和联系电话。每次查看都会记入审计日志。</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>e.g. 山东省济南市</source>
            <translation>例如：山东省济南市</translation>
        </message>
        <message>
            <source>Native place</source>
            <translation>籍贯</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Degree</source>
            <translation>学位</translation>
        </message>
        <message>
            <source>Mobile, landline, or 无</source>
            <translation>手机、固定电话，或填“无”</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Party membership</source>
            <translation>党籍信息</translation>
        </message>
        <message>
            <source>Join date</source>
            <translation>入党日期</translation>
        </message>
        <message>
            <source>Membership</source>
            <translation>正式/预备</translation>
        </message>
        <message>
            <source>Not extended</source>
            <translation>未延长</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s)</source>
            <translation>
                <numerusform>%n 个月</numerusform>
            </translation>
        </message>
        <message>
            <source>Probation extended by</source>
            <translation>延长预备期</translation>
        </message>
        <message>
            <source>Full member since</source>
            <translation>转正日期</translation>
        </message>
        <message>
            <source>e.g. 支部委员、党小组长</source>
            <translation>例如：支部委员、党小组长</translation>
        </message>
        <message>
            <source>Party post</source>
            <translation>党内职务</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党员类别</translation>
        </message>
        <message>
            <source>Member in hardship (困难党员)</source>
            <translation>困难党员</translation>
        </message>
        <message>
            <source>Party member centre household</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Flags</source>
            <translation>标记</translation>
        </message>
        <message>
            <source>Not rated</source>
            <translation>未评定</translation>
        </message>
        <message>
            <source>Star rating</source>
            <translation>星级</translation>
        </message>
        <message>
            <source>Organisation and work</source>
            <translation>所在组织与工作</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>所在党组织</translation>
        </message>
        <message>
            <source>e.g. 中共区教育局机关委员会</source>
            <translation>例如：中共区教育局机关委员会</translation>
        </message>
        <message>
            <source>Unit party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>e.g. 幸福里3号楼2单元301</source>
            <translation>例如：幸福里3号楼2单元301</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>居住地址</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Mobile member (away 6 months or more)</source>
            <translation>流动党员（外出 6 个月以上）</translation>
        </message>
        <message>
            <source>e.g. 广东省深圳市</source>
            <translation>例如：广东省深圳市</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>外出去向</translation>
        </message>
        <message>
            <source>Away since</source>
            <translation>外出日期</translation>
        </message>
        <message>
            <source>Contact while away</source>
            <translation>外出期间联系方式</translation>
        </message>
        <message>
            <source>Masked. Choose Show full ID number to see and change it.</source>
            <translation>已部分隐去。点击“显示完整证件号码”后可查看和修改。</translation>
        </message>
        <message>
            <source>Masked. Your account may not show the full number.</source>
            <translation>已脱敏。您的账户无权查看完整号码。</translation>
        </message>
        <message>
            <source>Transfer in</source>
            <translation>组织关系转入</translation>
        </message>
        <message>
            <source>The party organisation the member comes from</source>
            <translation>转出的党组织</translation>
        </message>
        <message>
            <source>From</source>
            <translation>转出党组织</translation>
        </message>
        <message>
            <source>Transfer-in date</source>
            <translation>转入日期</translation>
        </message>
        <message>
            <source>Dues paid up to</source>
            <translation>党费已交至</translation>
        </message>
        <message>
            <source>Someone who left this community earlier is found by the ID number and comes back to their old record.</source>
            <translation>曾从本社区转出的党员按证件号码找回原有记录，不会重复登记。</translation>
        </message>
        <message>
            <source>Probation ended on {date}.</source>
            <translation>预备期于 {date} 届满。</translation>
        </message>
        <message>
            <source>Probation ends on {date}.</source>
            <translation>预备期将于 {date} 届满。</translation>
        </message>
        <message>
            <source>Probation ended on {date}: due for full membership.</source>
            <translation>预备期已于 {date} 届满，应办理转正。</translation>
        </message>
        <message>
            <source>Full membership due on {date}.</source>
            <translation>应于 {date} 转正。</translation>
        </message>
        <message>
            <source>Shown (recorded)</source>
            <translation>已显示（已记录）</translation>
        </message>
        <message>
            <source>Open existing record…</source>
            <translation>查看已有记录…</translation>
        </message>
        <message>
            <source>Check the existing record. If this is another person, choose Save anyway.</source>
            <translation>请核对已有记录。如确为另一人，请点击“仍然保存”。</translation>
        </message>
        <message>
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
    </context>
    <context>
        <name>MemberHistory</name>
        <message>
            <source>Added</source>
            <translation>登记入册</translation>
        </message>
        <message>
            <source>Imported from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
        <message>
            <source>Details changed</source>
            <translation>信息变更</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>调整所在党组织</translation>
        </message>
        <message>
            <source>Became a full member</source>
            <translation>转为正式党员</translation>
        </message>
        <message>
            <source>Probation extended</source>
            <translation>延长预备期</translation>
        </message>
        <message>
            <source>Deceased</source>
            <translation>去世</translation>
        </message>
        <message>
            <source>Out of the party</source>
            <translation>出党</translation>
        </message>
        <message>
            <source>Membership suspended</source>
            <translation>停止党籍</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Transfer out started</source>
            <translation>办理组织关系转出</translation>
        </message>
        <message>
            <source>Transferred out</source>
            <translation>已转出</translation>
        </message>
        <message>
            <source>Transfer returned</source>
            <translation>转接被退回</translation>
        </message>
        <message>
            <source>Transfer status</source>
            <translation>转接状态变更</translation>
        </message>
        <message>
            <source>Transferred in</source>
            <translation>组织关系转入</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Former name</source>
            <translation>曾用名</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Native place</source>
            <translation>籍贯</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Degree</source>
            <translation>学位</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Join date</source>
            <translation>入党日期</translation>
        </message>
        <message>
            <source>Membership</source>
            <translation>正式/预备</translation>
        </message>
        <message>
            <source>Probation extension</source>
            <translation>延长预备期</translation>
        </message>
        <message>
            <source>Full membership date</source>
            <translation>转正日期</translation>
        </message>
        <message>
            <source>Party post</source>
            <translation>党内职务</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党员类别</translation>
        </message>
        <message>
            <source>Member in hardship</source>
            <translation>困难党员</translation>
        </message>
        <message>
            <source>Party member centre household</source>
            <translation>党员中心户</translation>
        </message>
        <message>
            <source>Star rating</source>
            <translation>星级</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>所在党组织</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Unit party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>居住地址</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>外出去向</translation>
        </message>
        <message>
            <source>Away since</source>
            <translation>外出日期</translation>
        </message>
        <message>
            <source>Contact while away</source>
            <translation>外出期间联系方式</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>no</source>
            <translation>否</translation>
        </message>
        <message>
            <source>{months} months</source>
            <translation>{months} 个月</translation>
        </message>
        <message>
            <source>Added to {org}</source>
            <translation>登记在 {org}</translation>
        </message>
        <message>
            <source>{field}: {old} → {new}</source>
            <translation>{field}：{old} → {new}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>From {old} to {new}</source>
            <translation>从 {old} 调整到 {new}</translation>
        </message>
        <message>
            <source>By {months} months</source>
            <translation>延长 {months} 个月</translation>
        </message>
        <message>
            <source>{text}. Reason: {reason}</source>
            <translation>{text}。原因：{reason}</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>原因：{reason}</translation>
        </message>
        <message>
            <source>To {org}</source>
            <translation>转往 {org}</translation>
        </message>
        <message>
            <source>From {org}</source>
            <translation>来自 {org}</translation>
        </message>
    </context>
    <context>
        <name>MemberLinkDialog</name>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>{name} is linked to the party member {member}.</source>
            <translation>{name} 已关联党员 {member}。</translation>
        </message>
        <message>
            <source>{name} is not linked to a party member.</source>
            <translation>{name} 尚未关联党员。</translation>
        </message>
        <message>
            <source>Search the roster</source>
            <translation>在花名册中搜索</translation>
        </message>
        <message>
            <source>Name, pinyin or last digits of the ID</source>
            <translation>姓名、拼音或身份证号后几位</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>(not a party member: unlink)</source>
            <translation>（不是党员：取消关联）</translation>
        </message>
    </context>
    <context>
        <name>MemberPanel</name>
        <message>
            <source>New member…</source>
            <translation>新增党员…</translation>
        </message>
        <message>
            <source>Add a party member (Ins)</source>
            <translation>新增一名党员（Ins）</translation>
        </message>
        <message>
            <source>Open…</source>
            <translation>查看/编辑…</translation>
        </message>
        <message>
            <source>Open the selected member (Enter, F2)</source>
            <translation>打开所选党员（Enter、F2）</translation>
        </message>
        <message>
            <source>Full membership…</source>
            <translation>转正…</translation>
        </message>
        <message>
            <source>转正: make the probationary member a full member (Ctrl+Shift+F)</source>
            <translation>转正：预备党员转为正式党员（Ctrl+Shift+F）</translation>
        </message>
        <message>
            <source>Extend probation…</source>
            <translation>延长预备期…</translation>
        </message>
        <message>
            <source>Transfer out…</source>
            <translation>组织关系转出…</translation>
        </message>
        <message>
            <source>组织关系转出 (Ctrl+Shift+T)</source>
            <translation>组织关系转出（Ctrl+Shift+T）</translation>
        </message>
        <message>
            <source>Update transfer…</source>
            <translation>更新转接状态…</translation>
        </message>
        <message>
            <source>Transfer in…</source>
            <translation>组织关系转入…</translation>
        </message>
        <message>
            <source>组织关系转入: a member arrives from another organisation</source>
            <translation>组织关系转入：从其他党组织转来的党员</translation>
        </message>
        <message>
            <source>Deceased…</source>
            <translation>去世…</translation>
        </message>
        <message>
            <source>Left the Party…</source>
            <translation>出党…</translation>
        </message>
        <message>
            <source>Suspend membership…</source>
            <translation>停止党籍…</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Active again (a status set by mistake, or membership restored)</source>
            <translation>恢复为在册党员（状态登记有误，或恢复党籍）</translation>
        </message>
        <message>
            <source>Import members from Excel…</source>
            <translation>从 Excel 导入党员…</translation>
        </message>
        <message>
            <source>Export this view to Excel…</source>
            <translation>将当前列表导出到 Excel…</translation>
        </message>
        <message>
            <source>Save the members shown, masked, as an Excel file (Ctrl+E)</source>
            <translation>将当前显示的党员（已脱敏）保存为 Excel 文件（Ctrl+E）</translation>
        </message>
        <message>
            <source>Roster of party members…</source>
            <translation>党员花名册…</translation>
        </message>
        <message>
            <source>党员花名册 of the chosen organisation, as PDF (Ctrl+P)</source>
            <translation>生成所选党组织的党员花名册 PDF（Ctrl+P）</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>组织关系</translation>
        </message>
        <message>
            <source>Membership status</source>
            <translation>党籍状态</translation>
        </message>
        <message>
            <source>Excel</source>
            <translation>Excel 导入导出</translation>
        </message>
        <message>
            <source>Search: name, pinyin or initials (zw), last digits of ID or phone</source>
            <translation>搜索：姓名、拼音或首字母（如 zw）、证件号码或电话后几位</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Full and probationary</source>
            <translation>正式和预备党员</translation>
        </message>
        <message>
            <source>Active members</source>
            <translation>在册党员</translation>
        </message>
        <message>
            <source>Everyone, former members too</source>
            <translation>全部（含已离开的党员）</translation>
        </message>
        <message>
            <source>Probation over, not confirmed</source>
            <translation>预备期已满待转正</translation>
        </message>
        <message>
            <source>预备期已满待转正</source>
            <translation>预备期已满、尚未转正的预备党员</translation>
        </message>
        <message>
            <source>Include sub-organisations</source>
            <translation>含下级组织</translation>
        </message>
        <message>
            <source>today</source>
            <translation>今天</translation>
        </message>
        <message>
            <source>花名册截至某日: who belonged to the organisation on that day</source>
            <translation>花名册截至某日：显示当天在该组织的党员</translation>
        </message>
        <message>
            <source>As of:</source>
            <translation>截至：</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>共 %n 人</numerusform>
            </translation>
        </message>
        <message>
            <source>With an as-of date the roster shows who belonged then, whatever their status now.</source>
            <translation>填写截至日期后，显示当天在册的党员，不论其现在的状态。</translation>
        </message>
    </context>
    <context>
        <name>MemberPickerDialog</name>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Name, pinyin or card code</source>
            <translation>姓名、拼音或报到卡号</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
    </context>
    <context>
        <name>MemberPlacements</name>
        <message>
            <source>Added</source>
            <translation>登记入册</translation>
        </message>
        <message>
            <source>Imported from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>调整所在党组织</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Transferred in</source>
            <translation>组织关系转入</translation>
        </message>
    </context>
    <context>
        <name>MemberRecordDialog</name>
        <message>
            <source>Existing record: {name}</source>
            <translation>已有记录：{name}</translation>
        </message>
        <message>
            <source>Born {birth} · ID number {id} · phone {phone} · {org}</source>
            <translation>出生 {birth} · 证件号码 {id} · 电话 {phone} · {org}</translation>
        </message>
    </context>
    <context>
        <name>MemberTableModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>出生年月</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Joined</source>
            <translation>入党时间</translation>
        </message>
        <message>
            <source>Full member since</source>
            <translation>转正时间</translation>
        </message>
        <message>
            <source>Full/probationary</source>
            <translation>正式/预备</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党员类别</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>所在党组织</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Probation over, not confirmed</source>
            <translation>预备期已满待转正</translation>
        </message>
        <message>
            <source>In service: {unit}</source>
            <translation>在职：{unit}</translation>
        </message>
        <message>
            <source>Probation ended on {date}; not yet confirmed as a full member.</source>
            <translation>预备期已于 {date} 届满，尚未转正。</translation>
        </message>
        <message>
            <source>Full membership due on {date}</source>
            <translation>应于 {date} 转正</translation>
        </message>
        <message>
            <source>In-service member: the membership stays with the work unit's party organisation.</source>
            <translation>在职党员：组织关系在工作单位党组织。</translation>
        </message>
        <message>
            <source>Masked. Open the member and choose Show full ID number to see it (recorded in the audit log).</source>
            <translation>已部分隐去。打开党员信息并点击“显示完整证件号码”可查看（记入审计日志）。</translation>
        </message>
    </context>
    <context>
        <name>MoveHouseholdDialog</name>
        <message>
            <source>Move household</source>
            <translation>整户搬迁</translation>
        </message>
        <message>
            <source>The household at {address} moves with its members and history.</source>
            <translation>{address}的住户连同成员和历史记录一起搬迁。</translation>
        </message>
        <message>
            <source>Building</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>House</source>
            <translation>房屋</translation>
        </message>
        <message>
            <source>{house} (lived in by {head})</source>
            <translation>{house}（{head}居住）</translation>
        </message>
    </context>
    <context>
        <name>MoveOrgDialog</name>
        <message>
            <source>Move {name}</source>
            <translation>调整 {name} 的隶属关系</translation>
        </message>
        <message>
            <source>Choose the organisation {name} will belong to. Organisations it cannot be placed under are greyed out.</source>
            <translation>请选择 {name} 要隶属的党组织。不能隶属的党组织显示为灰色。</translation>
        </message>
        <message>
            <source>Make it a top-level organisation</source>
            <translation>设为最上级党组织</translation>
        </message>
    </context>
    <context>
        <name>OfficeSetupDialog</name>
        <message>
            <source>Set up GridOffice</source>
            <translation>设置网格通</translation>
        </message>
        <message>
            <source>Office and language</source>
            <translation>单位与语言</translation>
        </message>
        <message>
            <source>Welcome to GridOffice. Enter the office this computer works for; you can change it later under Settings.</source>
            <translation>欢迎使用网格通。请填写这台电脑所服务的单位，以后可在“设置”中修改。</translation>
        </message>
        <message>
            <source>e.g. Xingfuli Community</source>
            <translation>例如：幸福里社区</translation>
        </message>
        <message>
            <source>e.g. Xingfu Street Office</source>
            <translation>例如：幸福街道</translation>
        </message>
        <message>
            <source>Your name, written into the history</source>
            <translation>您的姓名，将记入变更记录</translation>
        </message>
        <message>
            <source>Office name</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <source>Street office</source>
            <translation>所属街道</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>单位类型</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>经办人</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>Follow the system</source>
            <translation>跟随系统</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>界面语言</translation>
        </message>
        <message>
            <source> min</source>
            <translation> 分钟</translation>
        </message>
        <message>
            <source>Never</source>
            <translation>从不</translation>
        </message>
        <message>
            <source>Without mouse or keyboard input for this long, the window is covered and asks for the password again (0: never).</source>
            <translation>超过这段时间没有鼠标或键盘操作，窗口将被遮盖，需重新输入密码（0：从不锁定）。</translation>
        </message>
        <message>
            <source>Lock the window when idle for</source>
            <translation>无操作多久后锁定窗口</translation>
        </message>
        <message>
            <source>None</source>
            <translation>未设置</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>清除</translation>
        </message>
        <message>
            <source>Second backup folder</source>
            <translation>备份副本位置</translation>
        </message>
        <message>
            <source>Every backup is also copied here: a USB drive or a network folder. If the drive is not connected when a backup is made, the backup is still made and you get a warning.</source>
            <translation>每次备份都会另复制一份到这里：U 盘或网络文件夹。备份时若该盘未连接，备份照常进行，只给出提醒。</translation>
        </message>
        <message>
            <source>Changing the role from {old} to {new} changes what GridOffice shows and which ledgers it offers. Change the role?</source>
            <translation>将单位类型从“{old}”改为“{new}”会改变网格通显示的内容和提供的台账。确定要修改吗？</translation>
        </message>
        <message>
            <source>The new language is used the next time GridOffice starts.</source>
            <translation>新的界面语言将在下次启动网格通时生效。</translation>
        </message>
    </context>
    <context>
        <name>OpenBanner</name>
        <message>
            <source>No accounts: anyone can see all data</source>
            <translation>未设置账户：任何人都可查看全部数据</translation>
        </message>
        <message>
            <source>Add the administrator…</source>
            <translation>添加管理员…</translation>
        </message>
    </context>
    <context>
        <name>OrderDialog</name>
        <message>
            <source>Correct the need</source>
            <translation>修改需求</translation>
        </message>
        <message>
            <source>Record a need</source>
            <translation>登记需求</translation>
        </message>
        <message>
            <source>Type a name, or find the resident</source>
            <translation>填写姓名，或查找居民</translation>
        </message>
        <message>
            <source>Find resident…</source>
            <translation>查找居民…</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>(not in a grid)</source>
            <translation>（不属于网格）</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>诉求内容</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>Plan date</source>
            <translation>计划完成日期</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Raised in</source>
            <translation>提出于</translation>
        </message>
        <message>
            <source>Recorded on</source>
            <translation>登记日期</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>From the resident's record when empty</source>
            <translation>留空则取居民档案中的地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>The resident agrees the unit may call them</source>
            <translation>居民同意承办单位电话联系</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Service or project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>(not linked)</source>
            <translation>（不关联）</translation>
        </message>
        <message>
            <source>Linked to the resident's record.</source>
            <translation>已关联居民档案。</translation>
        </message>
    </context>
    <context>
        <name>OrderTableModel</name>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Recorded</source>
            <translation>登记日期</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>诉求内容</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>承办</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>办结期限</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>评价</translation>
        </message>
        <message>
            <source>{state} (overdue)</source>
            <translation>{state}（逾期）</translation>
        </message>
        <message numerus="yes">
            <source>%n step(s) came after the order had moved on and were not applied; see its history.</source>
            <translation>
                <numerusform>有 %n 个环节在订单已进入其他环节后才到达，未生效；详见办理记录。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>OrdersPage</name>
        <message>
            <source>Record a need…</source>
            <extracomment>the states each step may be recorded in (as the domain's rules)</extracomment>
            <translation>登记需求…</translation>
        </message>
        <message>
            <source>Correct…</source>
            <translation>修改…</translation>
        </message>
        <message>
            <source>Assign…</source>
            <translation>分单…</translation>
        </message>
        <message>
            <source>Send up to the street…</source>
            <translation>上报街道…</translation>
        </message>
        <message>
            <source>Dispatch…</source>
            <translation>派单…</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>退回…</translation>
        </message>
        <message>
            <source>Claimed…</source>
            <translation>领单…</translation>
        </message>
        <message>
            <source>Progress…</source>
            <translation>进展…</translation>
        </message>
        <message>
            <source>Completed…</source>
            <translation>办结…</translation>
        </message>
        <message>
            <source>Rating…</source>
            <translation>评价…</translation>
        </message>
        <message>
            <source>Close…</source>
            <translation>关闭…</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>添加附件…</translation>
        </message>
        <message>
            <source>Show full contact</source>
            <translation>显示完整联系方式</translation>
        </message>
        <message>
            <source>Number, resident or need</source>
            <translation>编号、居民或诉求</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Not finished</source>
            <translation>未办结</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>History</source>
            <translation>办理记录</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Matching resources</source>
            <translation>匹配资源</translation>
        </message>
        <message>
            <source>All grids</source>
            <translation>全部网格</translation>
        </message>
        <message>
            <source>All years</source>
            <translation>全部年度</translation>
        </message>
        <message>
            <source>{count} orders; {taken} taken on, {done} completed ({rate}); {overdue} overdue</source>
            <translation>共 {count} 个订单；受理 {taken} 个，办结 {done} 个（{rate}）；逾期 {overdue} 个</translation>
        </message>
        <message>
            <source>{name}, added {date}</source>
            <translation>{name}，{date} 添加</translation>
        </message>
        <message>
            <source>Files ({n})</source>
            <translation>附件（{n}）</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source> (the unit may call)</source>
            <translation>（承办单位可电话联系）</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Handled by</source>
            <translation>承办</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>办结期限</translation>
        </message>
        <message>
            <source>Service or project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>登记人</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>The need was recorded.</source>
            <translation>需求已登记。</translation>
        </message>
        <message>
            <source>Correct need</source>
            <translation>修改需求</translation>
        </message>
        <message>
            <source>There is nobody to give it to yet: add units of the area (or departments, at the street) first.</source>
            <translation>还没有可以承办的对象：请先添加驻区单位（街道请先添加职能部门）。</translation>
        </message>
        <message>
            <source>{step} was recorded for order {code}.</source>
            <translation>已为订单 {code} 记录“{step}”。</translation>
        </message>
        <message>
            <source>File to attach</source>
            <translation>选择附件</translation>
        </message>
        <message>
            <source>Address: {address}
Phone: {phone}</source>
            <translation>地址：{address}
电话：{phone}</translation>
        </message>
    </context>
    <context>
        <name>OrgActions</name>
        <message>
            <source>New sub-organisation</source>
            <translation>新建下级党组织</translation>
        </message>
        <message>
            <source>New top-level organisation</source>
            <translation>新建最上级党组织</translation>
        </message>
        <message>
            <source>{name} was created.</source>
            <translation>已新建 {name}。</translation>
        </message>
        <message>
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <source>{name} was moved.</source>
            <translation>已调整 {name} 的隶属关系。</translation>
        </message>
        <message>
            <source>{name} was retired.</source>
            <translation>已撤销 {name}。</translation>
        </message>
        <message>
            <source>{name} was retired. Tick Show retired to see it.</source>
            <translation>已撤销 {name}。勾选“显示已撤销”可查看。</translation>
        </message>
        <message>
            <source>{name} was restored.</source>
            <translation>已恢复 {name}。</translation>
        </message>
        <message>
            <source>{person} was appointed {seat}.</source>
            <translation>已任命 {person} 为{seat}。</translation>
        </message>
        <message>
            <source>The term of {person} ended on {date}.</source>
            <translation>{person} 的任期已于 {date} 结束。</translation>
        </message>
    </context>
    <context>
        <name>OrgCommands</name>
        <message>
            <source>Create {name}</source>
            <translation>新建 {name}</translation>
        </message>
        <message>
            <source>Rename {old} to {new}</source>
            <translation>将 {old} 更名为 {new}</translation>
        </message>
        <message>
            <source>Edit {name}</source>
            <translation>编辑 {name}</translation>
        </message>
        <message>
            <source>Move {name}</source>
            <translation>调整 {name} 的隶属关系</translation>
        </message>
        <message>
            <source>Retire {name}</source>
            <translation>撤销 {name}</translation>
        </message>
        <message>
            <source>Restore {name}</source>
            <translation>恢复 {name}</translation>
        </message>
        <message>
            <source>End the term of {person}</source>
            <translation>结束 {person} 的任期</translation>
        </message>
        <message>
            <source>Appoint {person}</source>
            <translation>任命 {person}</translation>
        </message>
    </context>
    <context>
        <name>OrgDetailPanel</name>
        <message>
            <source>Select an organisation on the left.</source>
            <translation>请在左侧选择一个党组织。</translation>
        </message>
        <message>
            <source>Short name:</source>
            <translation>简称：</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>类型：</translation>
        </message>
        <message>
            <source>Parent:</source>
            <translation>上级党组织：</translation>
        </message>
        <message>
            <source>Grid:</source>
            <translation>所在网格：</translation>
        </message>
        <message>
            <source>Established:</source>
            <translation>成立日期：</translation>
        </message>
        <message>
            <source>Term end:</source>
            <translation>届满日期：</translation>
        </message>
        <message>
            <source>Status:</source>
            <translation>状态：</translation>
        </message>
        <message>
            <source>Appoint…</source>
            <translation>任职…</translation>
        </message>
        <message>
            <source>End term…</source>
            <translation>免职…</translation>
        </message>
        <message>
            <source>Committee seats</source>
            <translation>班子成员</translation>
        </message>
        <message>
            <source>History</source>
            <translation>变更记录</translation>
        </message>
        <message>
            <source>None (top level)</source>
            <translation>无（最上级）</translation>
        </message>
        <message>
            <source>Retired on {date}</source>
            <translation>已于 {date} 撤销</translation>
        </message>
        <message>
            <source>Active</source>
            <translation>正常</translation>
        </message>
    </context>
    <context>
        <name>OrgEditDialog</name>
        <message>
            <source>None (top-level organisation)</source>
            <translation>无（最上级党组织）</translation>
        </message>
        <message>
            <source>Full name, e.g. 中共幸福里社区委员会</source>
            <translation>全称，例如：中共幸福里社区委员会</translation>
        </message>
        <message>
            <source>e.g. 幸福里社区党委</source>
            <translation>例如：幸福里社区党委</translation>
        </message>
        <message>
            <source>Committees and branches serve five-year terms; left empty, the term end is set five years after the date established.</source>
            <translation>党委和党支部每届任期五年；不填时，届满日期自动设为成立日期后五年。</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>上级党组织</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>Established</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <source>Term end</source>
            <translation>届满日期</translation>
        </message>
    </context>
    <context>
        <name>OrgHistory</name>
        <message>
            <source>Short name</source>
            <translation>简称</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>Established</source>
            <translation>成立日期</translation>
        </message>
        <message>
            <source>Term end</source>
            <translation>届满日期</translation>
        </message>
        <message>
            <source>Created as {type} under {parent}</source>
            <translation>作为{type}成立，隶属于 {parent}</translation>
        </message>
        <message>
            <source>Created as a top-level {type}</source>
            <translation>作为最上级{type}成立</translation>
        </message>
        <message>
            <source>{old} → {new}</source>
            <translation>{old} → {new}</translation>
        </message>
        <message>
            <source>{field}: {old} → {new}</source>
            <translation>{field}：{old} → {new}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
        <message>
            <source>top level</source>
            <translation>最上级</translation>
        </message>
        <message>
            <source>From {old} to {new}</source>
            <translation>从 {old} 调整到 {new}</translation>
        </message>
        <message>
            <source>Retired on {date}. Reason: {reason}</source>
            <translation>于 {date} 撤销。原因：{reason}</translation>
        </message>
        <message>
            <source>Retired on {date}</source>
            <translation>已于 {date} 撤销</translation>
        </message>
        <message>
            <source>Retirement of {date} taken back</source>
            <translation>撤回 {date} 的撤销</translation>
        </message>
        <message>
            <source>{seat}: {person} (term resumed)</source>
            <translation>{seat}：{person}（恢复任期）</translation>
        </message>
        <message>
            <source>{seat}: {person}</source>
            <translation>{seat}：{person}</translation>
        </message>
        <message>
            <source>{seat}: {person}, term ended on {date}</source>
            <translation>{seat}：{person}，任期于 {date} 结束</translation>
        </message>
    </context>
    <context>
        <name>OrgHistoryModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事项</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Operator</source>
            <translation>经办人</translation>
        </message>
    </context>
    <context>
        <name>OrgPicker</name>
        <message>
            <source>None (work unit's party organisation)</source>
            <translation>无（在工作单位党组织）</translation>
        </message>
    </context>
    <context>
        <name>OrgTreeModel</name>
        <message>
            <source>Organisation</source>
            <extracomment>org id, new parent id ("" for top level), position among siblings (-1: last)</extracomment>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>{name} (retired on {date})</source>
            <translation>{name}（{date} 撤销）</translation>
        </message>
        <message>
            <source>Full name: {name}</source>
            <translation>全称：{name}</translation>
        </message>
        <message>
            <source>Short name: {name}</source>
            <translation>简称：{name}</translation>
        </message>
        <message>
            <source>Term ends: {date}</source>
            <translation>届满日期：{date}</translation>
        </message>
        <message>
            <source>Retired on {date}</source>
            <translation>已于 {date} 撤销</translation>
        </message>
    </context>
    <context>
        <name>OrgTreePanel</name>
        <message>
            <source>New sub-organisation…</source>
            <extracomment>the user chose an organisation (click, keyboard), not a reload the user chose "All organisations"</extracomment>
            <translation>新建下级党组织…</translation>
        </message>
        <message>
            <source>New top-level organisation…</source>
            <translation>新建最上级党组织…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Move…</source>
            <translation>调整隶属关系…</translation>
        </message>
        <message>
            <source>Retire…</source>
            <translation>撤销组织…</translation>
        </message>
        <message>
            <source>Restore</source>
            <translation>恢复组织</translation>
        </message>
        <message>
            <source>Appoint to a committee seat…</source>
            <translation>委员会任职…</translation>
        </message>
        <message>
            <source>Ledger of party organisations…</source>
            <translation>党组织设置一览表…</translation>
        </message>
        <message>
            <source>Add an organisation under the selected one (Ins)</source>
            <translation>在所选党组织下新建（Ins）</translation>
        </message>
        <message>
            <source>Edit the selected organisation (F2)</source>
            <translation>编辑所选党组织（F2）</translation>
        </message>
        <message>
            <source>New</source>
            <translation>新建</translation>
        </message>
        <message>
            <source>Show retired</source>
            <translation>显示已撤销</translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>全部党组织</translation>
        </message>
        <message>
            <source>Members of every organisation, and in-service members registered with their work unit's party organisation</source>
            <translation>所有党组织的党员，以及组织关系在工作单位的在职党员</translation>
        </message>
    </context>
    <context>
        <name>OrgWarningModel</name>
        <message>
            <source>Organisation</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Advice</source>
            <translation>提示</translation>
        </message>
    </context>
    <context>
        <name>PackageExchange</name>
        <message>
            <source>No new packages for this PC in {folder}.</source>
            <translation>{folder} 中没有发给本机的新同步包。</translation>
        </message>
        <message>
            <source>Checking the exchange folder…</source>
            <translation>正在检查交换文件夹…</translation>
        </message>
        <message>
            <source>Writing the sync packages…</source>
            <translation>正在写入同步包…</translation>
        </message>
        <message>
            <source>Import sync packages</source>
            <translation>导入同步包</translation>
        </message>
        <message>
            <source>Sync packages (*.gridsync)</source>
            <translation>同步包 (*.gridsync)</translation>
        </message>
        <message>
            <source>Importing the sync packages…</source>
            <translation>正在导入同步包…</translation>
        </message>
        <message>
            <source>{applied} packages imported, {refused} not imported.</source>
            <translation>已导入 {applied} 个同步包，{refused} 个未导入。</translation>
        </message>
        <message>
            <source>Cancelled; a file being imported was left as it was.</source>
            <translation>已取消；正在导入的文件未作任何改动。</translation>
        </message>
    </context>
    <context>
        <name>PasswordResetDialog</name>
        <message>
            <source>New password for {login}</source>
            <translation>为 {login} 设置新密码</translation>
        </message>
        <message>
            <source>The account's owner signs in with this password and should change it at once.</source>
            <translation>账户本人用此密码登录后，应立即修改密码。</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>再次输入密码</translation>
        </message>
    </context>
    <context>
        <name>PdfPreviewDialog</name>
        <message>
            <source>The font lacks these characters; they are marked in the PDF: {chars}</source>
            <extracomment>Pages are rendered for the printer at its resolution, but at most this many dots per inch: an A4 page at 1200 dpi would be a 550 MB image.</extracomment>
            <translation>字体缺少以下文字，已在 PDF 中标出：{chars}</translation>
        </message>
        <message>
            <source>The PDF file cannot be shown.</source>
            <translation>无法显示该 PDF 文件。</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s)</source>
            <translation>
                <numerusform>共 %n 页</numerusform>
            </translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>缩小</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>放大</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>适合宽度</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>打印…</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>无法启动打印机。</translation>
        </message>
        <message numerus="yes">
            <source>%n page(s) sent to the printer.</source>
            <translation>
                <numerusform>已将 %n 页发送到打印机。</numerusform>
            </translation>
        </message>
        <message>
            <source>Save the ledger</source>
            <translation>保存台账</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>PeerList</name>
        <message>
            <source>Drop .gridsync files here to import them.</source>
            <translation>把 .gridsync 文件拖到这里即可导入。</translation>
        </message>
        <message>
            <source>&amp;Peer PCs (drop .gridsync files here to import):</source>
            <translation>对方电脑(&amp;P)（可把 .gridsync 文件拖到此处导入）：</translation>
        </message>
        <message>
            <source>&amp;Peer PCs: none trusted yet. Exchange identity files with the other office first.</source>
            <translation>对方电脑(&amp;P)：尚未信任任何电脑。请先与对方交换身份文件。</translation>
        </message>
    </context>
    <context>
        <name>PermissionsDialog</name>
        <message>
            <source>Roles and permissions</source>
            <translation>角色与权限</translation>
        </message>
        <message>
            <source>Control tags are never given by a role: an administrator grants them to single accounts of the roles marked here. A grid worker sees only the households and residents of their own grids. The program refuses what a role may not do even where a button is missing.</source>
            <translation>管控标签不随角色授予：由管理员为上表标明的角色中的个别账户单独授权。网格员只能看到本人所负责网格的住户和居民。即使界面上没有相应按钮，程序也会拒绝角色无权进行的操作。</translation>
        </message>
    </context>
    <context>
        <name>PlacementModel</name>
        <message>
            <source>Organisation</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>From</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>截止日期</translation>
        </message>
        <message>
            <source>How</source>
            <translation>方式</translation>
        </message>
        <message>
            <source>(work unit's party organisation)</source>
            <translation>（工作单位党组织）</translation>
        </message>
        <message>
            <source>till now</source>
            <translation>至今</translation>
        </message>
        <message>
            <source>{org}: since {start}</source>
            <translation>{org}：{start} 至今</translation>
        </message>
        <message>
            <source>{org}: {start} – {end}</source>
            <translation>{org}：{start} 至 {end}</translation>
        </message>
    </context>
    <context>
        <name>PointRulesDialog</name>
        <message>
            <source>Point rules</source>
            <translation>积分规则</translation>
        </message>
        <message>
            <source>New entries use these values. Entries already made keep the rule they were made under, so changing a rule never rewrites past points.</source>
            <translation>新录入的积分按以下分值计算。已录入的积分仍按当时的规则计算，修改规则不会改变以往积分。</translation>
        </message>
        <message>
            <source>First registration</source>
            <translation>首次报到</translation>
        </message>
        <message>
            <source>Per activity</source>
            <translation>每次活动</translation>
        </message>
        <message>
            <source>Post duty, per hour</source>
            <translation>岗位履职（每小时）</translation>
        </message>
        <message>
            <source>Small wish</source>
            <translation>微心愿</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>表彰</translation>
        </message>
        <message>
            <source>Unexcused absence</source>
            <translation>无故缺席</translation>
        </message>
        <message>
            <source>Pass mark (a year)</source>
            <translation>合格分数线（每年）</translation>
        </message>
        <message>
            <source>Excellent from</source>
            <translation>优秀分数线</translation>
        </message>
        <message>
            <source>Service hours a year</source>
            <translation>每年服务时长</translation>
        </message>
        <message>
            <source>Re-register every (months)</source>
            <translation>重新报到周期（月）</translation>
        </message>
        <message>
            <source>Public notice (working days)</source>
            <translation>公示期（工作日）</translation>
        </message>
        <message>
            <source>Supervision phone</source>
            <translation>监督电话</translation>
        </message>
    </context>
    <context>
        <name>PointsPage</name>
        <message>
            <source>Whole year</source>
            <translation>全年</translation>
        </message>
        <message>
            <source>Quarter {number}</source>
            <translation>第 {number} 季度</translation>
        </message>
        <message>
            <source>Month {number}</source>
            <translation>{number} 月</translation>
        </message>
        <message>
            <source>First half</source>
            <translation>上半年</translation>
        </message>
        <message>
            <source>Second half</source>
            <translation>下半年</translation>
        </message>
        <message>
            <source>Type a period: 2026, 2026H1 or 2026年上半年, 2026Q3 or 2026年第三季度, 2026-07 or 2026年7月</source>
            <translation>输入期间：2026、2026H1 或 2026年上半年、2026Q3 或 2026年第三季度、2026-07 或 2026年7月</translation>
        </message>
        <message>
            <source>Point rules…</source>
            <translation>积分规则…</translation>
        </message>
        <message>
            <source>Period:</source>
            <translation>期间：</translation>
        </message>
        <message>
            <source>or type:</source>
            <translation>或输入：</translation>
        </message>
        <message>
            <source>Unit:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>By work unit (feedback to the units)</source>
            <translation>按工作单位汇总（向单位反馈）</translation>
        </message>
        <message>
            <source>All units</source>
            <translation>全部单位</translation>
        </message>
        <message>
            <source>{period} ({start} to {end}). Pass mark {pass_mark} points a year, excellent from {excellent}; target {hours} service hours a year. Grades count the year to the period's end.</source>
            <translation>{period}（{start} 至 {end}）。合格分数线为每年 {pass_mark} 分，优秀分数线为 {excellent} 分；每年服务时长目标 {hours} 小时。等次按当年年初至本期末的积分评定。</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>共 %n 人</numerusform>
            </translation>
        </message>
        <message>
            <source>The point rules were saved.</source>
            <translation>积分规则已保存。</translation>
        </message>
    </context>
    <context>
        <name>PointsTableModel</name>
        <message>
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>活动次数</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>服务时长</translation>
        </message>
        <message>
            <source>Period points</source>
            <translation>本期积分</translation>
        </message>
        <message>
            <source>Year points</source>
            <translation>年度积分</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等次</translation>
        </message>
    </context>
    <context>
        <name>PostDialog</name>
        <message>
            <source>Edit post</source>
            <translation>编辑岗位</translation>
        </message>
        <message>
            <source>New post</source>
            <translation>新建岗位</translation>
        </message>
        <message>
            <source>Post</source>
            <translation>岗位名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>名额</translation>
        </message>
        <message>
            <source>(whole community)</source>
            <translation>（全社区）</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所属网格</translation>
        </message>
        <message>
            <source>Duties</source>
            <translation>岗位职责</translation>
        </message>
    </context>
    <context>
        <name>PostTableModel</name>
        <message>
            <source>Post</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Quota</source>
            <translation>名额</translation>
        </message>
        <message>
            <source>Claimed</source>
            <translation>已认领</translation>
        </message>
        <message>
            <source>Applied</source>
            <translation>申请中</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Full</source>
            <translation>已满</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>可认领</translation>
        </message>
    </context>
    <context>
        <name>PostsPage</name>
        <message>
            <source>New post…</source>
            <translation>新建岗位…</translation>
        </message>
        <message>
            <source>Edit post…</source>
            <translation>编辑岗位…</translation>
        </message>
        <message>
            <source>Close post…</source>
            <translation>关闭岗位…</translation>
        </message>
        <message>
            <source>Claim for a member…</source>
            <translation>代党员认领…</translation>
        </message>
        <message>
            <source>Accept application</source>
            <translation>同意申请</translation>
        </message>
        <message>
            <source>Reject application</source>
            <translation>驳回申请</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>退出岗位…</translation>
        </message>
        <message>
            <source>{post}: {claimed} of {quota} places taken</source>
            <translation>{post}：{quota} 个名额已认领 {claimed} 个</translation>
        </message>
        <message>
            <source>The post was saved.</source>
            <translation>岗位已保存。</translation>
        </message>
        <message>
            <source>Edit post</source>
            <translation>编辑岗位</translation>
        </message>
        <message>
            <source>Close the post {post}? It stays on the list, and takes no more claims.</source>
            <translation>确定关闭岗位“{post}”吗？该岗位仍保留在列表中，但不再接受认领。</translation>
        </message>
        <message>
            <source>Claim {post}</source>
            <translation>认领岗位“{post}”</translation>
        </message>
        <message>
            <source>{claimed} of {quota} places are taken.</source>
            <translation>{quota} 个名额已认领 {claimed} 个。</translation>
        </message>
        <message>
            <source>Claimed now (untick: the member applies, decided later)</source>
            <translation>直接认领（不勾选则为党员申请，待后续审定）</translation>
        </message>
        <message>
            <source>Claim post</source>
            <translation>认领岗位</translation>
        </message>
        <message>
            <source>The claim was saved.</source>
            <translation>认领已保存。</translation>
        </message>
        <message>
            <source>{name} withdraws from {post}?</source>
            <translation>确定让 {name} 退出岗位“{post}”吗？</translation>
        </message>
        <message>
            <source>Withdraw claim</source>
            <translation>退出认领</translation>
        </message>
    </context>
    <context>
        <name>ProjectDialog</name>
        <message>
            <source>Edit service or project</source>
            <translation>编辑服务项目</translation>
        </message>
        <message>
            <source>New service or project</source>
            <translation>新增服务项目</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>服务标准</translation>
        </message>
        <message>
            <source>(the community)</source>
            <translation>（社区）</translation>
        </message>
        <message>
            <source>Unit responsible</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <source>Person responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>ProjectTableModel</name>
        <message>
            <source>Service or project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>服务标准</translation>
        </message>
        <message>
            <source>Unit responsible</source>
            <translation>责任单位</translation>
        </message>
        <message>
            <source>Person responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>To</source>
            <translation>结束日期</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
    </context>
    <context>
        <name>ProjectsPage</name>
        <message>
            <source>New service or project…</source>
            <translation>新增服务项目…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Edit service or project</source>
            <translation>编辑服务项目</translation>
        </message>
    </context>
    <context>
        <name>RateTableModel</name>
        <message>
            <source>Community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Unit or department</source>
            <translation>承办单位或部门</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Taken on</source>
            <translation>受理</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>办结</translation>
        </message>
        <message>
            <source>Completion rate</source>
            <translation>办结率</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
    </context>
    <context>
        <name>RatesPage</name>
        <message>
            <source>All years</source>
            <translation>全部年度</translation>
        </message>
        <message>
            <source>By category</source>
            <translation>按类别</translation>
        </message>
        <message>
            <source>By unit or department</source>
            <translation>按承办单位</translation>
        </message>
        <message>
            <source>By community</source>
            <translation>按社区</translation>
        </message>
        <message>
            <source>Year:</source>
            <translation>年度：</translation>
        </message>
        <message>
            <source>Completion rate = completed / taken on (assigned by the community or sent up to the street) in the year.</source>
            <translation>办结率 = 办结数 / 受理数（年内社区分单或上报街道的订单）。</translation>
        </message>
    </context>
    <context>
        <name>ReasonDialog</name>
        <message>
            <source>Reason for the output</source>
            <extracomment>reasons offered as the user types (Chinese in every language: they go into the log)</extracomment>
            <translation>输出事由</translation>
        </message>
        <message>
            <source>{what}

This shows more than the masked numbers and addresses. Say why; the reason is written to the audit log with the output.</source>
            <translation>{what}

输出内容超出部分隐去的号码和地址，请填写事由；事由将与本次输出一并记入审计日志。</translation>
        </message>
        <message>
            <source>e.g. 入户走访 or 上报街道</source>
            <translation>如：入户走访、上报街道</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>事由</translation>
        </message>
    </context>
    <context>
        <name>RecordDialog</name>
        <message>
            <source>Add service record</source>
            <translation>补录服务记录</translation>
        </message>
        <message>
            <source>From the paper sheet; confirmed by {name}, and it earns points as a check-out would.</source>
            <translation>根据纸质签到表补录；由 {name} 确认，与签退一样计算积分。</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>服务内容</translation>
        </message>
    </context>
    <context>
        <name>RecordTableModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Activity or post</source>
            <translation>活动或岗位</translation>
        </message>
        <message>
            <source>In</source>
            <translation>签到</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>签退</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
        <message>
            <source>not confirmed</source>
            <translation>未确认</translation>
        </message>
    </context>
    <context>
        <name>RecordsModel</name>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Checked in</source>
            <translation>签到时间</translation>
        </message>
        <message>
            <source>Checked out</source>
            <translation>签退时间</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>时长</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>确认人</translation>
        </message>
    </context>
    <context>
        <name>RecoveryDialog</name>
        <message>
            <source>Open with the recovery key</source>
            <translation>用恢复密钥打开</translation>
        </message>
        <message>
            <source>Type the key printed on the recovery-key sheet (数据恢复密钥) that is kept in the safe, and a new password for the administrator.</source>
            <translation>请输入保险柜中“数据恢复密钥”纸上印的密钥，并为管理员设置新密码。</translation>
        </message>
        <message>
            <source>Empty: the first administrator</source>
            <translation>留空：第一个管理员</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>New password</source>
            <translation>新密码</translation>
        </message>
        <message>
            <source>Repeat the password</source>
            <translation>再次输入新密码</translation>
        </message>
    </context>
    <context>
        <name>RecoveryKeyDialog</name>
        <message>
            <source>Encrypting the data</source>
            <translation>正在加密数据</translation>
        </message>
        <message>
            <source>Encrypting the data of this office so that only signed-in accounts can read it. This runs once and may take a minute; do not switch off the PC.</source>
            <translation>正在加密本单位的数据，加密后只有登录的账户才能读取。此操作只进行一次，可能需要一分钟左右；请勿关闭电脑。</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>数据恢复密钥</translation>
        </message>
        <message>
            <source>The data of this office is now encrypted. Each account's password opens it; when every administrator password is lost, only this recovery key does. Print its sheet now and keep it in the safe: it is shown only this once, and whoever has it can read all residents' data.</source>
            <translation>本单位的数据已加密。每个账户的密码都能打开数据；所有管理员密码都遗忘时，只有这个恢复密钥能打开。请现在打印密钥纸并锁在保险柜中：密钥只显示这一次，持有它的人可以读取全部居民数据。</translation>
        </message>
        <message>
            <source>Print the sheet…</source>
            <translation>打印密钥纸…</translation>
        </message>
        <message>
            <source>I have printed the sheet and will keep it in the safe</source>
            <translation>我已打印密钥纸，并将锁在保险柜中</translation>
        </message>
        <message>
            <source>Recovery key sheet</source>
            <translation>数据恢复密钥纸</translation>
        </message>
        <message>
            <source>recovery-key.pdf</source>
            <translation>数据恢复密钥.pdf</translation>
        </message>
        <message>
            <source>The recovery key will not be shown again. Without its sheet, data whose administrator passwords are all lost cannot be opened. An administrator can print a new sheet later (Settings ▸ Print a new recovery key). Close anyway?</source>
            <translation>恢复密钥不会再显示。没有密钥纸，所有管理员密码都遗忘时将无法打开数据。管理员以后可以重新打印（设置 ▸ 打印新的数据恢复密钥）。仍要关闭吗？</translation>
        </message>
        <message>
            <source>Close without printing</source>
            <translation>不打印就关闭</translation>
        </message>
    </context>
    <context>
        <name>RegistrationActions</name>
        <message>
            <source>New registration…</source>
            <translation>新建报到…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>审核通过</translation>
        </message>
        <message>
            <source>Return…</source>
            <translation>退回…</translation>
        </message>
        <message>
            <source>Re-register…</source>
            <translation>重新报到…</translation>
        </message>
        <message>
            <source>The member registered again (every half year by default)</source>
            <translation>党员重新报到（默认每半年一次）</translation>
        </message>
        <message>
            <source>Leave…</source>
            <translation>退出报到…</translation>
        </message>
        <message>
            <source>Rejoin</source>
            <translation>恢复报到</translation>
        </message>
        <message>
            <source>Show full numbers…</source>
            <translation>显示完整号码…</translation>
        </message>
        <message>
            <source>The full ID number and mobile; written to the audit log</source>
            <translation>显示完整身份证号和手机号；查看操作将记入审计日志</translation>
        </message>
        <message>
            <source>Work units…</source>
            <translation>工作单位…</translation>
        </message>
        <message>
            <source>Add points…</source>
            <translation>录入积分…</translation>
        </message>
        <message>
            <source>Correct…</source>
            <translation>更正…</translation>
        </message>
        <message>
            <source>The registration was saved; it awaits review.</source>
            <translation>报到登记已保存，等待审核。</translation>
        </message>
        <message>
            <source>Edit registration</source>
            <translation>编辑报到登记</translation>
        </message>
        <message>
            <source>Approve registration</source>
            <translation>审核通过报到</translation>
        </message>
        <message>
            <source>{name}'s registration was approved.</source>
            <translation>{name} 的报到已审核通过。</translation>
        </message>
        <message>
            <source>Return registration</source>
            <translation>退回报到登记</translation>
        </message>
        <message>
            <source>Re-register</source>
            <translation>重新报到</translation>
        </message>
        <message>
            <source>{name} registers again; the next registration falls due {months} months later.</source>
            <translation>{name} 重新报到；下次报到时间为 {months} 个月后。</translation>
        </message>
        <message>
            <source>Leave</source>
            <translation>退出报到</translation>
        </message>
        <message>
            <source>{name} no longer serves here (moved, retired). The registration and its records are kept; open claims are withdrawn.</source>
            <translation>{name} 不再在本社区服务（调离、退休等）。报到登记及相关记录予以保留；尚在认领中的岗位将自动退出。</translation>
        </message>
        <message>
            <source>Show {name}'s full ID number and mobile? Viewing them is written to the audit log.</source>
            <translation>显示 {name} 的完整身份证号和手机号吗？查看操作将记入审计日志。</translation>
        </message>
        <message>
            <source>{name}
ID number: {id_number}
Mobile: {mobile}</source>
            <translation>{name}
身份证号：{id_number}
手机：{mobile}</translation>
        </message>
        <message>
            <source>Full numbers</source>
            <translation>完整号码</translation>
        </message>
        <message>
            <source>The points were added.</source>
            <translation>积分已录入。</translation>
        </message>
        <message>
            <source>The correction was added to the ledger.</source>
            <translation>更正已记入积分台账。</translation>
        </message>
    </context>
    <context>
        <name>RegistrationDetail</name>
        <message>
            <source>Posts</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Service records</source>
            <translation>服务记录</translation>
        </message>
        <message>
            <source>Points ledger</source>
            <translation>积分台账</translation>
        </message>
        <message>
            <source>{points} points in all</source>
            <translation>累计 {points} 分</translation>
        </message>
        <message>
            <source>details from the party member record</source>
            <translation>信息取自党员档案</translation>
        </message>
        <message>
            <source>details from the resident record</source>
            <translation>信息取自居民档案</translation>
        </message>
        <message>
            <source>Skills: {skills}</source>
            <translation>特长：{skills}</translation>
        </message>
        <message>
            <source>Wished posts: {posts}</source>
            <translation>意向岗位：{posts}</translation>
        </message>
        <message>
            <source>Returned: {reason}</source>
            <translation>已退回：{reason}</translation>
        </message>
        <message>
            <source>Left on {date}</source>
            <translation>已于 {date} 退出报到</translation>
        </message>
    </context>
    <context>
        <name>RegistrationDialog</name>
        <message>
            <source>Edit registration</source>
            <translation>编辑报到登记</translation>
        </message>
        <message>
            <source>New registration</source>
            <translation>新建报到登记</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Name, pinyin or initials of a member or resident on file</source>
            <translation>已登记党员或居民的姓名、拼音或首字母</translation>
        </message>
        <message>
            <source>Found</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>人员</translation>
        </message>
        <message>
            <source>Not on file: type the details</source>
            <translation>未登记：手工填写信息</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>(from the ID number)</source>
            <translation>（根据身份证号）</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Home address</source>
            <translation>家庭住址</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>（无）</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>New work unit…</source>
            <translation>新建工作单位…</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Party status</source>
            <translation>党员状态</translation>
        </message>
        <message>
            <source>Report type</source>
            <translation>报到类型</translation>
        </message>
        <message>
            <source>Report date</source>
            <translation>报到日期</translation>
        </message>
        <message>
            <source>Skills</source>
            <translation>特长</translation>
        </message>
        <message>
            <source>e.g. 法律咨询, 摄影, 电脑维修</source>
            <translation>如：法律咨询、摄影、电脑维修</translation>
        </message>
        <message>
            <source>Wished posts</source>
            <translation>意向岗位</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>{name}, on file</source>
            <translation>{name}（已登记）</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>{name}, on file ({detail})</source>
            <translation>{name}（已登记，{detail}）</translation>
        </message>
        <message>
            <source>Not on file: the details below are stored with the registration.</source>
            <translation>未登记：以下信息随报到登记一并保存。</translation>
        </message>
        <message>
            <source>Pick the person above, or tick "Not on file".</source>
            <translation>请在上方选择人员，或勾选“未登记”。</translation>
        </message>
        <message>
            <source>from the person's record</source>
            <translation>取自人员档案</translation>
        </message>
        <message>
            <source>(choose)</source>
            <translation>（请选择）</translation>
        </message>
    </context>
    <context>
        <name>RegistrationList</name>
        <message>
            <source>Any review status</source>
            <translation>全部审核状态</translation>
        </message>
        <message>
            <source>All work units</source>
            <translation>全部工作单位</translation>
        </message>
        <message>
            <source>Re-registration due</source>
            <translation>待重新报到</translation>
        </message>
        <message>
            <source>Approved members whose re-registration is due within 30 days or overdue</source>
            <translation>已通过审核、30 天内应重新报到或已逾期的党员</translation>
        </message>
        <message>
            <source>Show members who left</source>
            <translation>显示已退出报到的党员</translation>
        </message>
        <message>
            <source>Search: name, pinyin, card code</source>
            <translation>搜索：姓名、拼音、报到卡号</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s)</source>
            <translation>
                <numerusform>共 %n 人</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>RegistrationTableModel</name>
        <message>
            <source>Card</source>
            <translation>报到卡号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Reported</source>
            <translation>报到日期</translation>
        </message>
        <message>
            <source>Review</source>
            <translation>审核状态</translation>
        </message>
        <message>
            <source>Next registration</source>
            <translation>下次报到</translation>
        </message>
        <message>
            <source>Posts</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>{status}, left {date}</source>
            <translation>{status}，{date} 退出报到</translation>
        </message>
        <message>
            <source>{date} (due)</source>
            <translation>{date}（已到期）</translation>
        </message>
    </context>
    <context>
        <name>RelationStatusDialog</name>
        <message>
            <source>Record the death of {name}</source>
            <translation>登记 {name} 去世</translation>
        </message>
        <message>
            <source>Record that {name} left the Party</source>
            <translation>登记 {name} 出党</translation>
        </message>
        <message>
            <source>Suspend the membership of {name}</source>
            <translation>停止 {name} 的党籍</translation>
        </message>
        <message>
            <source>The record is kept with its history; {name} leaves the active roster on this date. Undo, or Restore, takes it back.</source>
            <translation>记录及其经历都会保留；{name} 自该日起不再列入在册党员。可用“撤销”或“恢复”改回。</translation>
        </message>
        <message>
            <source>Date of death</source>
            <translation>去世日期</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Reason or document</source>
            <translation>原因或文件</translation>
        </message>
        <message>
            <source>Mark {name} as {status} on {date}?</source>
            <translation>确定登记 {name} 于 {date} {status} 吗？</translation>
        </message>
    </context>
    <context>
        <name>RemindersPanel</name>
        <message>
            <source>Overdue only</source>
            <translation>仅已超期</translation>
        </message>
        <message>
            <source>Overdue and next 30 days</source>
            <translation>已超期及 30 天内</translation>
        </message>
        <message>
            <source>Overdue and next 60 days</source>
            <translation>已超期及 60 天内</translation>
        </message>
        <message>
            <source>Overdue and next 90 days</source>
            <translation>已超期及 90 天内</translation>
        </message>
        <message>
            <source>Due within 30 days, not overdue</source>
            <translation>30 天内到期（未超期）</translation>
        </message>
        <message>
            <source>Full membership (转正) due</source>
            <translation>转正提醒</translation>
        </message>
        <message>
            <source>Show:</source>
            <translation>显示：</translation>
        </message>
        <message>
            <source>Organisation size (advice of the party rules)</source>
            <translation>党组织规模提示（按党内规定）</translation>
        </message>
        <message>
            <source>{overdue} overdue, {soon} due within 90 days</source>
            <translation>已超期 {overdue} 人，90 天内应转正 {soon} 人</translation>
        </message>
    </context>
    <context>
        <name>ResidentDialog</name>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Former name</source>
            <translation>曾用名</translation>
        </message>
        <message>
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>18 characters; the birth date and sex follow</source>
            <translation>18 位，出生日期和性别随之自动填写</translation>
        </message>
        <message>
            <source>Show full ID number</source>
            <translation>显示完整证件号码</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>Political status</source>
            <translation>政治面貌</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>文化程度</translation>
        </message>
        <message>
            <source>Marital status</source>
            <translation>婚姻状况</translation>
        </message>
        <message>
            <source>Hukou address</source>
            <translation>户籍地址</translation>
        </message>
        <message>
            <source>Work or school</source>
            <translation>工作单位或学校</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Population type</source>
            <translation>人口类型</translation>
        </message>
        <message>
            <source>Residence</source>
            <translation>人户状态</translation>
        </message>
        <message>
            <source>Moved in on</source>
            <translation>迁入日期</translation>
        </message>
        <message>
            <source>Reason for moving in</source>
            <translation>迁入原因</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Masked: press Show full ID number to change it</source>
            <translation>已部分隐去：点击“显示完整证件号码”后可修改</translation>
        </message>
        <message>
            <source>Masked. Your account may not show the full number.</source>
            <translation>已脱敏。您的账户无权查看完整号码。</translation>
        </message>
    </context>
    <context>
        <name>ResidentPickerDialog</name>
        <message>
            <source>Find resident</source>
            <translation>查找居民</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Name or pinyin</source>
            <translation>姓名或拼音</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
    </context>
    <context>
        <name>ResidentTableModel</name>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Born</source>
            <translation>出生年月</translation>
        </message>
        <message>
            <source>Age</source>
            <translation>年龄</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Mobile</source>
            <translation>手机</translation>
        </message>
        <message>
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <source>Population type</source>
            <translation>人口类型</translation>
        </message>
        <message>
            <source>Residence</source>
            <translation>人户状态</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>居住地址</translation>
        </message>
        <message>
            <source>Care tags</source>
            <translation>关爱标签</translation>
        </message>
        <message>
            <source>Last visit</source>
            <translation>最近走访</translation>
        </message>
        <message>
            <source>Not visited for {days} days or more</source>
            <translation>已 {days} 天以上未走访</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
    </context>
    <context>
        <name>ResidentsExcel</name>
        <message numerus="yes">
            <source>%n resident(s) exported to {path}.</source>
            <translation>
                <numerusform>已导出 %n 名居民到 {path}。</numerusform>
            </translation>
        </message>
        <message>
            <source>Exporting the residents…</source>
            <translation>正在导出居民…</translation>
        </message>
        <message numerus="yes">
            <source>The file will hold the full ID numbers, phone numbers and addresses of the %n resident(s) shown, so that it can be imported back. Keep it safe and delete it when it is no longer needed.</source>
            <translation>
                <numerusform>文件将包含所显示 %n 名居民的完整身份证号、联系电话和地址，以便导回本程序。请妥善保管，不再需要时及时删除。</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n resident(s) imported.</source>
            <translation>
                <numerusform>已导入 %n 名居民。</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ResidentsImportWizard</name>
        <message>
            <source>Import residents from Excel</source>
            <translation>从 Excel 导入实有人口</translation>
        </message>
        <message>
            <source>Choose the workbook (.xlsx) that lists the residents, one person a row, and its sheet. Nothing is imported before every row has been checked.</source>
            <translation>请选择列有居民信息（每行一人）的工作簿（.xlsx）及其工作表。所有行检查完毕之前不会导入任何数据。</translation>
        </message>
        <message>
            <source>Choose the residents workbook</source>
            <translation>选择实有人口工作簿</translation>
        </message>
        <message>
            <source>Say which column of the sheet holds each item. Columns were recognised by their titles; fields marked * are needed, and a building or an address.</source>
            <translation>请指定工作表中每一项所在的列。已按列标题自动识别；标 * 的项为必填，另须有楼号或地址。</translation>
        </message>
        <message>
            <source>Create buildings that do not exist yet</source>
            <translation>创建尚不存在的楼栋</translation>
        </message>
        <message>
            <source>Without this, a row naming a building that is not in its grid is a problem.</source>
            <translation>不勾选时，填写了所在网格中不存在的楼栋的行将作为问题列出。</translation>
        </message>
        <message>
            <source>Grid of rows without one:</source>
            <translation>未填网格的行归入：</translation>
        </message>
        <message>
            <source>(no grid yet: the sheet names it)</source>
            <translation>（尚无网格：由表中指定）</translation>
        </message>
        <message>
            <source>Every row is checked as the resident form would check it. Nothing is imported while a problem is left.</source>
            <translation>每一行都按居民登记表的规则检查。只要还有问题，就不会导入任何数据。</translation>
        </message>
        <message>
            <source>Rows: {rows}. New residents: {new}. Residents to update: {updated}. Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, households: {households}.</source>
            <translation>行数：{rows}。新增居民：{new}。需更新居民：{updated}。无变化：{unchanged}。新增楼栋：{buildings}，房屋：{houses}，户：{households}。</translation>
        </message>
        <message>
            <source>No problems, and nothing to import: every resident in the file is already registered with the same details.</source>
            <translation>没有问题，也没有需要导入的内容：文件中的每位居民均已登记且信息相同。</translation>
        </message>
        <message>
            <source>Every resident in the file is already registered with the same details.</source>
            <translation>文件中的每位居民均已登记且信息相同。</translation>
        </message>
        <message>
            <source>Import the residents: all of them, or nothing if anything goes wrong.</source>
            <translation>导入居民：全部导入；如有任何错误则全部不导入。</translation>
        </message>
        <message>
            <source>Importing {count} residents…</source>
            <translation>正在导入 {count} 名居民…</translation>
        </message>
        <message>
            <source>Importing the residents…</source>
            <translation>正在导入居民…</translation>
        </message>
        <message>
            <source>The import is finished. New residents: {added}. Residents updated: {updated}. Unchanged: {unchanged}. New buildings: {buildings}, houses: {houses}, households: {households}.</source>
            <translation>导入完成。新增居民：{added}。更新居民：{updated}。无变化：{unchanged}。新增楼栋：{buildings}，房屋：{houses}，户：{households}。</translation>
        </message>
    </context>
    <context>
        <name>ResolutionDialog</name>
        <message>
            <source>Edit resolution</source>
            <translation>编辑决议</translation>
        </message>
        <message>
            <source>New resolution</source>
            <translation>新建决议</translation>
        </message>
        <message>
            <source>{present} present; passes when more than half of {base} ({base_name}) vote yes.</source>
            <translation>实到 {present} 人；同意票超过 {base} 人（{base_name}）的半数即为通过。</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>决议</translation>
        </message>
        <message>
            <source>Method</source>
            <translation>表决方式</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>同意</translation>
        </message>
        <message>
            <source>No</source>
            <translation>反对</translation>
        </message>
        <message>
            <source>Abstain</source>
            <translation>弃权</translation>
        </message>
        <message>
            <source>Decision</source>
            <translation>决定</translation>
        </message>
        <message>
            <source>Deferred</source>
            <translation>暂缓</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>结果</translation>
        </message>
    </context>
    <context>
        <name>ResourceDialog</name>
        <message>
            <source>Edit resource</source>
            <translation>编辑资源</translation>
        </message>
        <message>
            <source>New resource</source>
            <translation>新增资源</translation>
        </message>
        <message>
            <source>Offered by</source>
            <translation>提供方类型</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>In-service member</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供方</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>What is offered</source>
            <translation>资源内容</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详细说明</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>数量/能力</translation>
        </message>
        <message>
            <source>When available</source>
            <translation>服务时间</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>(whole community)</source>
            <translation>（全社区）</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>From</source>
            <translation>开始日期</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>有效期至</translation>
        </message>
    </context>
    <context>
        <name>ResourceTableModel</name>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>What is offered</source>
            <translation>资源内容</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供方</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>数量/能力</translation>
        </message>
        <message>
            <source>When available</source>
            <translation>服务时间</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Until</source>
            <translation>有效期至</translation>
        </message>
    </context>
    <context>
        <name>ResourcesPage</name>
        <message>
            <source>New resource…</source>
            <translation>新增资源…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>No longer offered</source>
            <translation>停止提供</translation>
        </message>
        <message>
            <source>Show those no longer offered</source>
            <translation>显示已停止提供的</translation>
        </message>
        <message>
            <source>Offered again</source>
            <translation>恢复提供</translation>
        </message>
        <message>
            <source>Edit resource</source>
            <translation>编辑资源</translation>
        </message>
        <message>
            <source>{title} of {provider} is no longer offered? It stays in the list's history.</source>
            <translation>{provider}的“{title}”停止提供？记录仍保留在清单历史中。</translation>
        </message>
        <message>
            <source>Resource offered again</source>
            <translation>资源恢复提供</translation>
        </message>
        <message>
            <source>Resource no longer offered</source>
            <translation>资源停止提供</translation>
        </message>
    </context>
    <context>
        <name>RestoreDialog</name>
        <message>
            <source>Daily</source>
            <translation>每日自动</translation>
        </message>
        <message>
            <source>Made by hand</source>
            <translation>手动</translation>
        </message>
        <message>
            <source>Before a sync import</source>
            <translation>同步导入前</translation>
        </message>
        <message>
            <source>Before a restore</source>
            <translation>恢复前</translation>
        </message>
        <message>
            <source>Party organisations</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Party members</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Grids</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户</translation>
        </message>
        <message>
            <source>Residents</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>Meetings</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>In-service members</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Units of the area</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Residents' needs</source>
            <translation>居民需求</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>资源</translation>
        </message>
        <message>
            <source>Services and projects</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Orders sent up</source>
            <translation>上报街道订单</translation>
        </message>
        <message>
            <source>Date and time</source>
            <translation>备份时间</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>大小</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>已损坏</translation>
        </message>
        <message>
            <source>Sound</source>
            <translation>完好</translation>
        </message>
        <message>
            <source>Area</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Now</source>
            <translation>现在</translation>
        </message>
        <message>
            <source>In the backup</source>
            <translation>备份中</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差额</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录类别</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Changed at</source>
            <translation>修改时间</translation>
        </message>
        <message>
            <source>Restore from a backup</source>
            <translation>从备份恢复</translation>
        </message>
        <message>
            <source>Choose a backup. Before anything is restored you see what would change; the data as it is now is backed up first.</source>
            <translation>请选择一个备份。恢复之前会先列出将发生的变化；恢复时会先把现在的数据备份一份。</translation>
        </message>
        <message>
            <source>Choose a file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>A backup from elsewhere, such as a USB drive</source>
            <translation>其他位置的备份，例如 U 盘上的</translation>
        </message>
        <message>
            <source>Backups in {folder}</source>
            <translation>{folder} 中的备份</translation>
        </message>
        <message>
            <source>There is no backup in this folder yet.</source>
            <translation>此文件夹中还没有备份。</translation>
        </message>
        <message>
            <source>What a restore would change</source>
            <translation>恢复后的变化</translation>
        </message>
        <message>
            <source>Choose a backup above.</source>
            <translation>请在上方选择一个备份。</translation>
        </message>
        <message>
            <source>Password of {user}</source>
            <translation>{user} 的密码</translation>
        </message>
        <message>
            <source>Restore…</source>
            <translation>恢复…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Choose a backup</source>
            <translation>选择备份</translation>
        </message>
        <message>
            <source>GridOffice backups (*.sqlite3);;All files (*)</source>
            <translation>网格通备份 (*.sqlite3);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Checking {file}…</source>
            <translation>正在检查 {file}…</translation>
        </message>
        <message>
            <source>Checking the backup…</source>
            <translation>正在检查备份…</translation>
        </message>
        <message>
            <source>Backup of {time}: {file}</source>
            <translation>{time} 的备份：{file}</translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) were changed after this backup and would be lost; the newest of them with a name:</source>
            <translation>
                <numerusform>此备份之后有 %n 条记录被修改，恢复后将丢失；其中最近的有名称的记录：</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n record(s) were changed after this backup and would be lost; the newest:</source>
            <translation>
                <numerusform>此备份之后有 %n 条记录被修改，恢复后将丢失；最近的几条：</numerusform>
            </translation>
        </message>
        <message>
            <source>Nothing was changed after this backup.</source>
            <translation>此备份之后没有修改过任何记录。</translation>
        </message>
        <message numerus="yes">
            <source>Restore the backup of {time}? The data as it is now is backed up first; %n record(s) changed since the backup will no longer be shown.</source>
            <translation>
                <numerusform>恢复 {time} 的备份吗？现在的数据会先备份一份；备份之后修改的 %n 条记录将不再显示。</numerusform>
            </translation>
        </message>
        <message>
            <source>Restoring the backup…</source>
            <translation>正在恢复备份…</translation>
        </message>
        <message>
            <source>Restoring the backup… Please wait.</source>
            <translation>正在恢复备份…请稍候。</translation>
        </message>
    </context>
    <context>
        <name>RestoreMemberDialog</name>
        <message>
            <source>Restore {name}</source>
            <translation>恢复 {name}</translation>
        </message>
        <message>
            <source>{name} is {status}. Restoring makes {name} an active member of {org} again, from the date below (for a status set by mistake, keep the date it was set).</source>
            <translation>{name} 现为“{status}”。恢复后，{name} 自下列日期起重新成为 {org} 的在册党员（如系登记有误，请保留原登记日期）。</translation>
        </message>
        <message>
            <source>e.g. entered by mistake</source>
            <translation>例如：登记有误</translation>
        </message>
        <message>
            <source>Active again from</source>
            <translation>恢复日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>ResultsList</name>
        <message>
            <source>{count} packages written to {folder}.</source>
            <translation>已将 {count} 个同步包写入 {folder}。</translation>
        </message>
        <message>
            <source>{file}: for {recipient}, package #{sequence}, {rows} changed records</source>
            <translation>{file}：发给 {recipient}，第 {sequence} 号包，{rows} 条改动</translation>
        </message>
        <message>
            <source>{file}: not imported. {reason}</source>
            <translation>{file}：未导入。{reason}</translation>
        </message>
        <message>
            <source>{file}: imported before (nothing changed).</source>
            <translation>{file}：已导入过（未作更改）。</translation>
        </message>
        <message>
            <source>data agree</source>
            <translation>数据一致</translation>
        </message>
        <message>
            <source>data differ ({tables})</source>
            <translation>数据不一致（{tables}）</translation>
        </message>
        <message>
            <source>{file}: imported from {sender} (package #{sequence}): {inserted} new, {updated} changed, {conflicts} conflicts, {merged} merged; {agree}.</source>
            <translation>{file}：已导入，来自 {sender}（第 {sequence} 号包）：新增 {inserted}，更新 {updated}，冲突 {conflicts}，合并 {merged}；{agree}。</translation>
        </message>
        <message>
            <source>agreement unknown</source>
            <translation>是否一致未知</translation>
        </message>
        <message>
            <source>    {count} earlier packages of that PC never arrived; made up by this package.</source>
            <translation>    该电脑此前有 {count} 个包未收到，已由本包补齐。</translation>
        </message>
        <message>
            <source>    The sender's clock is wrong ({clock}); ask them to set the date and time.</source>
            <translation>    发送方电脑时钟不准（{clock}），请对方校正日期和时间。</translation>
        </message>
    </context>
    <context>
        <name>RetireOrgDialog</name>
        <message>
            <source>Retire {name}</source>
            <translation>撤销 {name}</translation>
        </message>
        <message>
            <source>A retired organisation keeps its history and can be restored. Its current committee seats end on the day it is retired.</source>
            <translation>撤销后的党组织保留全部历史记录，并可恢复。其现任委员会职务在撤销当日结束。</translation>
        </message>
        <message>
            <source>e.g. merged into another branch</source>
            <translation>例如：并入其他党支部</translation>
        </message>
        <message>
            <source>Retired on</source>
            <translation>撤销日期</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
    </context>
    <context>
        <name>ReviewDialog</name>
        <message>
            <source>Our review of {unit}</source>
            <translation>社区评议{unit}</translation>
        </message>
        <message>
            <source>{unit}'s review of the community (from its returned form)</source>
            <translation>{unit}评议社区（据交回的评议表录入）</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>The year's records: agreement {agreement}; {members} in-service members, {points} points each on average; {completed} of {orders} orders completed; residents' rating {rating}. The scores start from what they suggest.</source>
            <translation>本年度记录：共建协议{agreement}；在职党员 {members} 人，人均积分 {points} 分；承接订单 {orders} 个，办结 {completed} 个；居民评价 {rating}。以下分数按记录建议填入，可修改。</translation>
        </message>
        <message>
            <source>in force</source>
            <translation>有效</translation>
        </message>
        <message>
            <source> of 25</source>
            <translation> / 25 分</translation>
        </message>
        <message>
            <source>Total:</source>
            <translation>合计：</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>意见</translation>
        </message>
    </context>
    <context>
        <name>ReviewPage</name>
        <message>
            <source>Review the unit…</source>
            <translation>评议单位…</translation>
        </message>
        <message>
            <source>Enter the unit's review of us…</source>
            <translation>录入单位对社区的评议…</translation>
        </message>
        <message>
            <source>  Year: </source>
            <translation>  年度：</translation>
        </message>
        <message>
            <source>{rated} of {units} units reviewed; {returned} forms returned by the units.</source>
            <translation>已评议 {rated} 个单位（共 {units} 个）；单位交回评议表 {returned} 份。</translation>
        </message>
    </context>
    <context>
        <name>ReviewReturnDialog</name>
        <message>
            <source>Return registration</source>
            <translation>退回报到登记</translation>
        </message>
        <message>
            <source>The registration of {name} goes back to be completed; say what is missing.</source>
            <translation>{name} 的报到登记将退回补充完善，请说明缺少哪些内容。</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
    </context>
    <context>
        <name>ReviewTableModel</name>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>共建协议</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Average points</source>
            <translation>人均积分</translation>
        </message>
        <message>
            <source>Orders completed</source>
            <translation>办结/承接</translation>
        </message>
        <message>
            <source>Residents' rating</source>
            <translation>居民评价</translation>
        </message>
        <message>
            <source>Our scores</source>
            <translation>社区评分</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Grade</source>
            <translation>等次</translation>
        </message>
        <message>
            <source>Rank</source>
            <translation>排名</translation>
        </message>
        <message>
            <source>Unit's scores of us</source>
            <translation>单位评社区</translation>
        </message>
        <message>
            <source>in force</source>
            <translation>有效</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
    </context>
    <context>
        <name>RosterExcel</name>
        <message>
            <source>Export this view with full numbers…</source>
            <translation>导出当前列表（含完整号码）到 Excel…</translation>
        </message>
        <message>
            <source>Save the members shown with full ID numbers and phones, to import back; recorded in the audit log</source>
            <translation>将当前列出的党员连同完整的证件号码和电话保存为 Excel 文件，可再导入；此操作记入审计日志</translation>
        </message>
        <message>
            <source>Importing from Excel is not available in this version.</source>
            <translation>此版本暂不支持从 Excel 导入。</translation>
        </message>
        <message>
            <source>The import is finished: {added} added, {updated} updated.</source>
            <translation>导入完成：新增 {added} 人，更新 {updated} 人。</translation>
        </message>
        <message>
            <source>The import is finished.</source>
            <translation>导入完成。</translation>
        </message>
        <message>
            <source>No members are shown; there is nothing to export.</source>
            <translation>当前列表中没有党员，无可导出的内容。</translation>
        </message>
        <message>
            <source>Exporting to Excel is not available in this version.</source>
            <translation>此版本暂不支持导出到 Excel。</translation>
        </message>
        <message>
            <source>{count} members to {path}</source>
            <translation>{count} 名党员，导出到 {path}</translation>
        </message>
        <message>
            <source>{count} members were exported to {path}.</source>
            <translation>已将 {count} 名党员导出到 {path}。</translation>
        </message>
        <message>
            <source>Exporting {count} members…</source>
            <translation>正在导出 {count} 名党员…</translation>
        </message>
        <message>
            <source>The export was cancelled.</source>
            <translation>已取消导出。</translation>
        </message>
        <message>
            <source>The file will hold the full ID numbers and phone numbers of the {count} members shown, so that it can be imported back. Keep it safe and delete it when it is no longer needed.</source>
            <translation>文件将包含所显示 {count} 名党员的完整身份证号和联系电话，以便导回本程序。请妥善保管，不再需要时及时删除。</translation>
        </message>
    </context>
    <context>
        <name>RosterImportWizard</name>
        <message>
            <source>Import party members from Excel</source>
            <translation>从 Excel 导入党员</translation>
        </message>
        <message>
            <source>Choose the roster workbook (.xlsx) and the sheet that lists the members. Nothing is imported before every row has been checked.</source>
            <translation>选择花名册工作簿（.xlsx）及列有党员的工作表。每一行检查通过之前，不会导入任何数据。</translation>
        </message>
        <message>
            <source>Choose the roster workbook</source>
            <translation>选择花名册工作簿</translation>
        </message>
        <message>
            <source>Say which column of the sheet holds each item. Columns were recognised by their titles; fields marked * are needed.</source>
            <translation>请指定每一项在工作表中的哪一列。系统已按列标题自动识别；带 * 的项目为必填。</translation>
        </message>
        <message>
            <source>Branch for new members without one:</source>
            <translation>未填党支部的新党员归入：</translation>
        </message>
        <message>
            <source>(none: the sheet names the branch)</source>
            <translation>（不指定：以表中所填为准）</translation>
        </message>
        <message>
            <source>Every row is checked as the member form would check it. Nothing is imported while a problem is left.</source>
            <translation>按党员信息表的规则逐行检查。只要还有问题，就不会导入任何数据。</translation>
        </message>
        <message>
            <source>Rows: {rows}. New members: {new}. Members to update: {updated}. Unchanged: {unchanged}.</source>
            <translation>共 {rows} 行。新增党员：{new}。需更新：{updated}。无变化：{unchanged}。</translation>
        </message>
        <message>
            <source>No problems, and nothing to import: every member in the file is already on the roster with the same details.</source>
            <translation>没有问题，也没有需要导入的内容：文件中的党员都已在花名册中，信息相同。</translation>
        </message>
        <message>
            <source>Every member in the file is already on the roster with the same details.</source>
            <translation>文件中的党员都已在花名册中，信息相同。</translation>
        </message>
        <message>
            <source>Import the members: all of them, or nothing if anything goes wrong.</source>
            <translation>导入这些党员：要么全部导入，出错则一个也不导入。</translation>
        </message>
        <message>
            <source>Importing {count} members…</source>
            <translation>正在导入 {count} 名党员…</translation>
        </message>
        <message>
            <source>Importing the members…</source>
            <translation>正在导入党员…</translation>
        </message>
        <message>
            <source>The import is finished. New members: {added}. Members updated: {updated}. Unchanged: {unchanged}.</source>
            <translation>导入完成。新增党员：{added}。已更新：{updated}。无变化：{unchanged}。</translation>
        </message>
    </context>
    <context>
        <name>RosterLedgerDialog</name>
        <message>
            <source>Roster of party members</source>
            <translation>党员花名册</translation>
        </message>
        <message>
            <source>Members of</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>As of</source>
            <translation>截至日期</translation>
        </message>
        <message>
            <source>A4 landscape, phones and addresses masked. Printing and saving are recorded in the audit log.</source>
            <translation>A4 横向，联系电话和居住地址部分隐去。打印和保存都会记入审计日志。</translation>
        </message>
    </context>
    <context>
        <name>RosterTab</name>
        <message>
            <source>Members</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Reminders</source>
            <translation>提醒</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>组织信息</translation>
        </message>
        <message>
            <source>Reminders ({count})</source>
            <translation>提醒（{count}）</translation>
        </message>
        <message numerus="yes">
            <source>%n member(s) overdue for full membership</source>
            <translation>
                <numerusform>%n 名预备党员预备期已满待转正</numerusform>
            </translation>
        </message>
        <message>
            <source>All organisations</source>
            <translation>全部党组织</translation>
        </message>
        <message>
            <source>{name} and its sub-organisations</source>
            <translation>{name} 及下级组织</translation>
        </message>
        <message>
            <source>Export members to Excel</source>
            <translation>导出党员到 Excel</translation>
        </message>
        <message>
            <source>Excel files (*.xlsx)</source>
            <translation>Excel 文件 (*.xlsx)</translation>
        </message>
        <message>
            <source>Roster of {scope} as of {date}</source>
            <translation>{scope}截至 {date} 的党员花名册</translation>
        </message>
    </context>
    <context>
        <name>RulesDialog</name>
        <message>
            <source>Meeting rules</source>
            <translation>议事规则设置</translation>
        </message>
        <message>
            <source>Council day</source>
            <translation>议事日</translation>
        </message>
        <message>
            <source>day </source>
            <translation>每月 </translation>
        </message>
        <message>
            <source> </source>
            <comment>after the council day: 每月 10 日</comment>
            <translation> 日</translation>
        </message>
        <message>
            <source>Days off</source>
            <translation>非工作日</translation>
        </message>
        <message>
            <source>Move to the next working day</source>
            <translation>顺延至下一个工作日</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Public holidays</source>
            <translation>法定节假日</translation>
        </message>
        <message>
            <source>2026-10-01, 2026/10/2, 2026年10月3日至7日</source>
            <translation>2026-10-01、2026/10/2、2026年10月3日至7日</translation>
        </message>
        <message>
            <source>Weekend workdays</source>
            <translation>调休上班日</translation>
        </message>
        <message>
            <source>Vote base</source>
            <translation>表决基数</translation>
        </message>
        <message>
            <source>Usual place</source>
            <translation>常用地点</translation>
        </message>
    </context>
    <context>
        <name>SeatTableModel</name>
        <message>
            <source>Seat</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Person</source>
            <translation>任职人</translation>
        </message>
        <message>
            <source>From</source>
            <translation>任职起始</translation>
        </message>
        <message>
            <source>To</source>
            <translation>任职截止</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Current term</source>
            <translation>现任</translation>
        </message>
        <message>
            <source>Past term, ended on {date}</source>
            <translation>已离任，任期于 {date} 结束</translation>
        </message>
    </context>
    <context>
        <name>ServiceCommand</name>
        <message>
            <source>This change cannot be undone. {reason}</source>
            <translation>无法撤销此操作。{reason}</translation>
        </message>
        <message>
            <source>This change cannot be redone. {reason}</source>
            <translation>无法重做此操作。{reason}</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>User: {name} ({role})</source>
            <translation>用户：{name}（{role}）</translation>
        </message>
        <message>
            <source>Switch user…</source>
            <translation>切换用户…</translation>
        </message>
        <message>
            <source>Change my password…</source>
            <translation>修改我的密码…</translation>
        </message>
        <message>
            <source>Lock now</source>
            <translation>立即锁定</translation>
        </message>
        <message>
            <source>Signed in as {user}.</source>
            <translation>已以 {user} 的身份登录。</translation>
        </message>
        <message>
            <source>Your password was changed.</source>
            <translation>您的密码已修改。</translation>
        </message>
        <message>
            <source>The administrator {user} was created and is signed in; from now on everyone signs in.</source>
            <translation>已创建管理员 {user} 并已登录；从现在起每个人都需要登录。</translation>
        </message>
    </context>
    <context>
        <name>SheetChoice</name>
        <message>
            <source>Choose the Excel file</source>
            <translation>选择 Excel 文件</translation>
        </message>
        <message>
            <source>Path of an .xlsx file</source>
            <translation>Excel 文件（.xlsx）的路径</translation>
        </message>
        <message>
            <source>Browse…</source>
            <translation>浏览…</translation>
        </message>
        <message>
            <source>File:</source>
            <translation>文件：</translation>
        </message>
        <message>
            <source>Sheet:</source>
            <translation>工作表：</translation>
        </message>
        <message>
            <source>Excel workbooks (*.xlsx *.xlsm);;All files (*)</source>
            <translation>Excel 工作簿 (*.xlsx *.xlsm);;所有文件 (*)</translation>
        </message>
    </context>
    <context>
        <name>SignInDialog</name>
        <message>
            <source>Type a name or its pinyin (zw)</source>
            <translation>输入姓名或拼音（如 zw）</translation>
        </message>
        <message>
            <source>Find:</source>
            <translation>查找：</translation>
        </message>
        <message>
            <source>1 or Space: present · 2: on leave · 3: absent · 4: observer · 0: clear · ↑↓: choose</source>
            <translation>1 或空格键：出席 · 2：请假 · 3：缺席 · 4：列席 · 0：清除 · ↑↓：选择</translation>
        </message>
        <message>
            <source>1  Present</source>
            <translation>1  出席</translation>
        </message>
        <message>
            <source>2  On leave</source>
            <translation>2  请假</translation>
        </message>
        <message>
            <source>3  Absent</source>
            <translation>3  缺席</translation>
        </message>
        <message>
            <source>4  Observer</source>
            <translation>4  列席</translation>
        </message>
        <message>
            <source>0  Clear</source>
            <translation>0  清除</translation>
        </message>
        <message>
            <source>Walk-in…</source>
            <translation>临时到会…</translation>
        </message>
        <message>
            <source>Add someone who is not on the list and mark them present</source>
            <translation>添加不在名单中的人员，并标记为出席</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>{type}, session {number}</source>
            <translation>{type}（第 {number} 期）</translation>
        </message>
        <message>
            <source>Sign-in: {title}</source>
            <translation>签到：{title}</translation>
        </message>
        <message>
            <source>Host: {name}</source>
            <translation>主持人：{name}</translation>
        </message>
        <message>
            <source>Expected {expected} · Present {present} · On leave {leave} · Absent {absent} · Observers {observers} · Not signed in {unmarked}</source>
            <translation>应到 {expected} · 实到 {present} · 请假 {leave} · 缺席 {absent} · 列席 {observers} · 未签到 {unmarked}</translation>
        </message>
        <message>
            <source>The minutes were approved on {date}: the sign-in is closed and shown for reading only. A change now needs a reason and is recorded as an amendment in the meeting's record.</source>
            <translation>会议记录已于 {date} 审定：签到已关闭，仅供查看。如需修改，须填写理由，并作为修正记录保存在该会议的记录中。</translation>
        </message>
        <message>
            <source>The meeting was cancelled: there is no sign-in.</source>
            <translation>该会议已取消，无需签到。</translation>
        </message>
    </context>
    <context>
        <name>SignInModel</name>
        <message>
            <source>No.</source>
            <translation>序号</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Sign-in</source>
            <translation>签到</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>未签到</translation>
        </message>
        <message>
            <source>{mark} {time}</source>
            <translation>{mark} {time}</translation>
        </message>
        <message>
            <source>{mark}: {reason}</source>
            <translation>{mark}：{reason}</translation>
        </message>
    </context>
    <context>
        <name>SpeechDialog</name>
        <message>
            <source>Edit speech</source>
            <translation>编辑发言</translation>
        </message>
        <message>
            <source>New speech</source>
            <translation>新建发言</translation>
        </message>
        <message>
            <source>Speaker</source>
            <translation>发言人</translation>
        </message>
        <message>
            <source>Summary</source>
            <translation>发言摘要</translation>
        </message>
    </context>
    <context>
        <name>StepDialog</name>
        <message>
            <source>Assign to our resources</source>
            <translation>社区分单</translation>
        </message>
        <message>
            <source>Send up to the street</source>
            <translation>上报街道</translation>
        </message>
        <message>
            <source>Dispatch</source>
            <translation>街道派单</translation>
        </message>
        <message>
            <source>Return to the community</source>
            <translation>退回社区</translation>
        </message>
        <message>
            <source>The unit claimed it</source>
            <translation>单位领单</translation>
        </message>
        <message>
            <source>Record progress</source>
            <translation>记录进展</translation>
        </message>
        <message>
            <source>Record completion</source>
            <translation>记录办结</translation>
        </message>
        <message>
            <source>Resident's rating</source>
            <translation>居民评价</translation>
        </message>
        <message>
            <source>Close the order</source>
            <translation>关闭订单</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Give to</source>
            <translation>交给</translation>
        </message>
        <message>
            <source>Matching resources:</source>
            <translation>匹配资源：</translation>
        </message>
        <message>
            <source>Deadline</source>
            <translation>办结期限</translation>
        </message>
        <message>
            <source>By the urgency when empty</source>
            <translation>留空则按紧急程度计算</translation>
        </message>
        <message>
            <source>5 very satisfied</source>
            <translation>5 非常满意</translation>
        </message>
        <message>
            <source>4 satisfied</source>
            <translation>4 满意</translation>
        </message>
        <message>
            <source>3 fairly satisfied</source>
            <translation>3 基本满意</translation>
        </message>
        <message>
            <source>2 not satisfied</source>
            <translation>2 不满意</translation>
        </message>
        <message>
            <source>1 very dissatisfied</source>
            <translation>1 非常不满意</translation>
        </message>
        <message>
            <source>Rating</source>
            <translation>评价</translation>
        </message>
        <message>
            <source>Why</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>原因</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>进展情况</translation>
        </message>
        <message>
            <source>Result</source>
            <translation>办理结果</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>意见</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>On</source>
            <translation>日期</translation>
        </message>
        <message>
            <source> (same grid)</source>
            <translation>（同网格）</translation>
        </message>
        <message>
            <source>none offered now</source>
            <translation>目前没有可用资源</translation>
        </message>
    </context>
    <context>
        <name>StepTableModel</name>
        <message>
            <source>When</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>环节</translation>
        </message>
        <message>
            <source>Recorded by</source>
            <translation>登记人</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详细说明</translation>
        </message>
        <message>
            <source>street office</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>to {name}</source>
            <translation>交{name}</translation>
        </message>
        <message>
            <source>deadline {date}</source>
            <translation>期限 {date}</translation>
        </message>
        <message>
            <source>rated {n} of 5</source>
            <translation>评价 {n} 分</translation>
        </message>
        <message>
            <source>(not applied: the order had moved on)</source>
            <translation>（未生效：订单已进入其他环节）</translation>
        </message>
    </context>
    <context>
        <name>SummaryYearDialog</name>
        <message>
            <source>Street summary</source>
            <translation>街道汇总表</translation>
        </message>
        <message>
            <source>Year</source>
            <translation>年度</translation>
        </message>
    </context>
    <context>
        <name>SyncTab</name>
        <message>
            <source>Results of the last export or import</source>
            <translation>最近一次导出或导入的结果</translation>
        </message>
        <message>
            <source>Offices and packages</source>
            <translation>同步状态</translation>
        </message>
        <message>
            <source>Conflicts</source>
            <translation>冲突</translation>
        </message>
        <message>
            <source>&amp;Export sync package…</source>
            <translation>导出同步包(&amp;E)…</translation>
        </message>
        <message>
            <source>Write what changed here for the other office (Ctrl+E)</source>
            <translation>把本机的改动写成同步包，交给对方（Ctrl+E）</translation>
        </message>
        <message>
            <source>&amp;Import sync packages…</source>
            <translation>导入同步包(&amp;I)…</translation>
        </message>
        <message>
            <source>Import .gridsync files from the other office (Ctrl+I)</source>
            <translation>导入对方发来的 .gridsync 文件（Ctrl+I）</translation>
        </message>
        <message>
            <source>&amp;Check exchange folder</source>
            <translation>检查交换文件夹(&amp;C)</translation>
        </message>
        <message>
            <source>Import the packages for this PC from the exchange folder (Ctrl+Shift+I)</source>
            <translation>导入交换文件夹中发给本机的同步包（Ctrl+Shift+I）</translation>
        </message>
        <message>
            <source>&amp;Refresh</source>
            <translation>刷新(&amp;R)</translation>
        </message>
        <message>
            <source>Show c&amp;onflicts</source>
            <translation>查看冲突(&amp;O)</translation>
        </message>
        <message>
            <source>Conflicts ({count})</source>
            <translation>冲突（{count}）</translation>
        </message>
    </context>
    <context>
        <name>SyncTables</name>
        <message>
            <source>Party organisation</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Committee seat</source>
            <translation>班子成员</translation>
        </message>
        <message>
            <source>Organisation history</source>
            <translation>组织沿革</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Member placement</source>
            <translation>党员所在组织</translation>
        </message>
        <message>
            <source>Member history</source>
            <translation>党员变动记录</translation>
        </message>
        <message>
            <source>Membership transfer</source>
            <translation>组织关系转接</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Grid staff</source>
            <translation>网格队伍成员</translation>
        </message>
        <message>
            <source>Building</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>House</source>
            <translation>房屋</translation>
        </message>
        <message>
            <source>Household</source>
            <translation>住户</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>Resident tag</source>
            <translation>居民标签</translation>
        </message>
        <message>
            <source>Visit</source>
            <translation>走访记录</translation>
        </message>
        <message>
            <source>Meeting</source>
            <translation>会议</translation>
        </message>
        <message>
            <source>Meeting attendee</source>
            <translation>参会人员</translation>
        </message>
        <message>
            <source>Agenda item</source>
            <translation>议题</translation>
        </message>
        <message>
            <source>Speech</source>
            <translation>发言</translation>
        </message>
        <message>
            <source>Resolution</source>
            <translation>决议</translation>
        </message>
        <message>
            <source>Follow-up</source>
            <translation>落实事项</translation>
        </message>
        <message>
            <source>Minutes amendment</source>
            <translation>会议记录修正</translation>
        </message>
        <message>
            <source>Meeting attachment</source>
            <translation>会议附件</translation>
        </message>
        <message>
            <source>Unit of the area</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>In-service registration</source>
            <translation>在职党员报到</translation>
        </message>
        <message>
            <source>Service post</source>
            <translation>服务岗位</translation>
        </message>
        <message>
            <source>Post claim</source>
            <translation>岗位认领</translation>
        </message>
        <message>
            <source>Service activity</source>
            <translation>服务活动</translation>
        </message>
        <message>
            <source>Service record</source>
            <translation>服务记录</translation>
        </message>
        <message>
            <source>Points entry</source>
            <translation>积分记录</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>职能部门</translation>
        </message>
        <message>
            <source>Service or project</source>
            <translation>服务项目</translation>
        </message>
        <message>
            <source>Resident's order</source>
            <translation>居民订单</translation>
        </message>
        <message>
            <source>Order step</source>
            <translation>订单办理记录</translation>
        </message>
        <message>
            <source>Resource</source>
            <translation>资源</translation>
        </message>
        <message>
            <source>Co-building file</source>
            <translation>共建附件</translation>
        </message>
        <message>
            <source>Two-way review</source>
            <translation>双向评议</translation>
        </message>
        <message>
            <source>Edited on both sides</source>
            <translation>双方都有修改</translation>
        </message>
        <message>
            <source>Deleted and edited</source>
            <translation>一方删除、一方修改</translation>
        </message>
        <message>
            <source>Identity data to check</source>
            <translation>身份信息待核对</translation>
        </message>
        <message>
            <source>Possible duplicate</source>
            <translation>疑似重复</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Deleted</source>
            <translation>已删除</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>排序</translation>
        </message>
        <message>
            <source>Retired on</source>
            <translation>撤销日期</translation>
        </message>
        <message>
            <source>Parent organisation</source>
            <translation>上级党组织</translation>
        </message>
        <message>
            <source>Code</source>
            <translation>编号</translation>
        </message>
        <message>
            <source>Full name</source>
            <extracomment>Tables whose ``name`` is a person's: 姓名, where the other tables' is 名称.</extracomment>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
        <message>
            <source>{days} days</source>
            <translation>{days} 天</translation>
        </message>
        <message>
            <source>{hours} h</source>
            <translation>{hours} 小时</translation>
        </message>
        <message>
            <source>{minutes} min</source>
            <translation>{minutes} 分钟</translation>
        </message>
        <message>
            <source>Clock {amount} ahead</source>
            <translation>时钟快 {amount}</translation>
        </message>
        <message>
            <source>Clock {amount} behind</source>
            <translation>时钟慢 {amount}</translation>
        </message>
        <message>
            <source>never</source>
            <translation>从未</translation>
        </message>
        <message>
            <source>{when} (#{sequence})</source>
            <translation>{when}（#{sequence}）</translation>
        </message>
        <message>
            <source>Community / office</source>
            <translation>社区/单位</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>电脑</translation>
        </message>
        <message>
            <source>Last received</source>
            <translation>最近收到</translation>
        </message>
        <message>
            <source>Last sent</source>
            <translation>最近发出</translation>
        </message>
        <message>
            <source>To send</source>
            <translation>待发送</translation>
        </message>
        <message>
            <source>Open conflicts</source>
            <translation>未解决冲突</translation>
        </message>
        <message>
            <source>Data agree</source>
            <translation>数据一致</translation>
        </message>
        <message>
            <source>Since last contact</source>
            <translation>距上次联系</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>时钟</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>未知</translation>
        </message>
        <message>
            <source>agree</source>
            <translation>一致</translation>
        </message>
        <message>
            <source>differ</source>
            <translation>不一致</translation>
        </message>
        <message>
            <source>Differ in: {tables}</source>
            <translation>不一致：{tables}</translation>
        </message>
        <message>
            <source>Known after the first package from that PC</source>
            <translation>收到该电脑的第一个同步包后才能判断</translation>
        </message>
        <message>
            <source>Fingerprint: {fingerprint}</source>
            <translation>指纹：{fingerprint}</translation>
        </message>
        <message>
            <source>The date or time of that PC is wrong; its changes are kept but conflicts with them go to review.</source>
            <translation>该电脑的日期或时间不准；其修改会保留，但与之相关的冲突需人工核对。</translation>
        </message>
        <message>
            <source>Record</source>
            <translation>记录</translation>
        </message>
        <message>
            <source>Kind of record</source>
            <translation>数据类别</translation>
        </message>
        <message>
            <source>Conflict</source>
            <translation>冲突类型</translation>
        </message>
        <message>
            <source>Differing fields</source>
            <translation>不同字段</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>所属单位</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>clock suspect</source>
            <translation>时钟可疑</translation>
        </message>
        <message>
            <source>open</source>
            <translation>未解决</translation>
        </message>
        <message>
            <source>kept current</source>
            <translation>保留当前</translation>
        </message>
        <message>
            <source>took the other</source>
            <translation>采用另一版本</translation>
        </message>
        <message>
            <source>combined</source>
            <translation>已合并</translation>
        </message>
        <message>
            <source>same person</source>
            <translation>是同一人</translation>
        </message>
        <message>
            <source>different people</source>
            <translation>不是同一人</translation>
        </message>
        <message>
            <source>resolved</source>
            <translation>已解决</translation>
        </message>
        <message>
            <source>One side's clock was wrong: which version is newer cannot be told from the time.</source>
            <translation>有一方时钟不准，无法按时间判断哪个版本更新。</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Current version</source>
            <translation>当前版本</translation>
        </message>
        <message>
            <source>Other version</source>
            <translation>另一版本</translation>
        </message>
    </context>
    <context>
        <name>TagDialog</name>
        <message>
            <source>Add a tag</source>
            <translation>添加标签</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>{name}: current tags: {tags}</source>
            <translation>{name}：当前标签：{tags}</translation>
        </message>
        <message>
            <source>End…</source>
            <translation>结束…</translation>
        </message>
        <message>
            <source>The tag no longer applies from a date; it stays in the history</source>
            <translation>标签自某日起不再适用，仍保留在历史记录中</translation>
        </message>
        <message>
            <source>{name}: current tags</source>
            <translation>{name}：当前标签</translation>
        </message>
        <message>
            <source>Current tags</source>
            <translation>当前标签</translation>
        </message>
        <message>
            <source>Control: {tag}</source>
            <translation>重点人员：{tag}</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Disability type</source>
            <translation>残疾类别</translation>
        </message>
        <message>
            <source>Disability grade</source>
            <translation>残疾等级</translation>
        </message>
        <message>
            <source>Since</source>
            <translation>起始日期</translation>
        </message>
        <message>
            <source>{tag} since {date}</source>
            <translation>{tag}（自 {date} 起）</translation>
        </message>
    </context>
    <context>
        <name>ThisPcBox</name>
        <message>
            <source>This PC</source>
            <translation>本机</translation>
        </message>
        <message>
            <source>Compare it with the other office's screen when you exchange identity files.</source>
            <translation>交换身份文件时，请与对方屏幕上显示的指纹核对。</translation>
        </message>
        <message>
            <source>Export this PC's i&amp;dentity file…</source>
            <translation>导出本机身份文件(&amp;D)…</translation>
        </message>
        <message>
            <source>&amp;Trust another PC's identity file…</source>
            <translation>信任对方身份文件(&amp;T)…</translation>
        </message>
        <message>
            <source>Office:</source>
            <translation>单位：</translation>
        </message>
        <message>
            <source>PC:</source>
            <translation>电脑：</translation>
        </message>
        <message>
            <source>Role:</source>
            <translation>单位类型：</translation>
        </message>
        <message>
            <source>Fingerprint:</source>
            <translation>指纹：</translation>
        </message>
        <message>
            <source>Save this PC's identity file</source>
            <translation>保存本机身份文件</translation>
        </message>
        <message>
            <source>Identity files (*.gridid)</source>
            <translation>身份文件 (*.gridid)</translation>
        </message>
        <message>
            <source>This PC's identity file was saved to {path}.

Give it to the other office; they trust it after checking that its fingerprint matches this screen: {fingerprint}</source>
            <translation>本机身份文件已保存到 {path}。

请交给对方；对方核对指纹与本机屏幕一致后再信任：{fingerprint}</translation>
        </message>
        <message>
            <source>Identity file of the other office's PC</source>
            <translation>对方电脑的身份文件</translation>
        </message>
        <message>
            <source>{path} cannot be read: {reason}</source>
            <translation>无法读取 {path}：{reason}</translation>
        </message>
        <message>
            <source>{name} is now trusted.</source>
            <translation>已信任 {name}。</translation>
        </message>
        <message>
            <source>{name} was trusted already.</source>
            <translation>{name} 此前已信任。</translation>
        </message>
    </context>
    <context>
        <name>TodoList</name>
        <message>
            <source>To do</source>
            <translation>待办</translation>
        </message>
        <message>
            <source>Click an item (or press Enter) to open its list.</source>
            <translation>单击某项（或按回车）打开对应名单。</translation>
        </message>
        <message>
            <source>Open the list this counts</source>
            <translation>打开该项统计的名单</translation>
        </message>
        <message>
            <source>Nothing is due. Well done!</source>
            <translation>暂无待办事项。</translation>
        </message>
        <message>
            <source>To do ({count})</source>
            <translation>待办（{count}）</translation>
        </message>
    </context>
    <context>
        <name>TransferModel</name>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>From</source>
            <translation>转出党组织</translation>
        </message>
        <message>
            <source>To</source>
            <translation>转入党组织</translation>
        </message>
        <message>
            <source>Out</source>
            <translation>转出</translation>
        </message>
        <message>
            <source>In</source>
            <translation>转入</translation>
        </message>
        <message>
            <source>Dues paid up to</source>
            <translation>党费已交至</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
    </context>
    <context>
        <name>TransferOutDialog</name>
        <message>
            <source>Transfer out: {name}</source>
            <translation>组织关系转出：{name}</translation>
        </message>
        <message>
            <source>{name} stays on the roster of {org}, marked as transferring out, until the receiving organisation confirms receipt.</source>
            <translation>在接收党组织确认接收之前，{name} 仍列入 {org} 的花名册，状态为“转出中”。</translation>
        </message>
        <message>
            <source>e.g. 中共安华里社区委员会</source>
            <translation>例如：中共安华里社区委员会</translation>
        </message>
        <message>
            <source>To</source>
            <translation>转入党组织</translation>
        </message>
        <message>
            <source>Transfer-out date</source>
            <translation>转出日期</translation>
        </message>
        <message>
            <source>Dues paid up to</source>
            <translation>党费已交至</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Start the transfer of {name} to {org}? A transfer cannot be undone; it can only be returned later.</source>
            <translation>确定为 {name} 办理组织关系转出到 {org} 吗？转接无法撤销，之后只能作退回处理。</translation>
        </message>
    </context>
    <context>
        <name>TransferStatusDialog</name>
        <message>
            <source>Transfer of {name}</source>
            <translation>组织关系转接：{name}</translation>
        </message>
        <message>
            <source>{source} → {target}</source>
            <translation>{source} → {target}</translation>
        </message>
        <message>
            <source>Transfer</source>
            <translation>转接</translation>
        </message>
        <message>
            <source>Status now</source>
            <translation>当前状态</translation>
        </message>
        <message>
            <source>New status</source>
            <translation>新状态</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Receipt confirmed ends the membership here on the transfer-out date; returned makes the member active here again.</source>
            <translation>“确认接收”后，党员自转出日期起不再列入本社区花名册；“已退回”则恢复为本社区在册党员。</translation>
        </message>
        <message>
            <source>Confirm that {org} received {name}? {name} then leaves the active roster here; this cannot be undone.</source>
            <translation>确认 {org} 已接收 {name} 吗？{name} 将不再列入本社区在册党员，此操作无法撤销。</translation>
        </message>
        <message>
            <source>Mark the transfer of {name} to {org} as returned? {name} becomes an active member here again; this cannot be undone.</source>
            <translation>确定将 {name} 转往 {org} 的组织关系标记为已退回吗？{name} 将恢复为本社区在册党员，此操作无法撤销。</translation>
        </message>
    </context>
    <context>
        <name>TrustDialog</name>
        <message>
            <source>Trust another office's PC</source>
            <translation>信任对方电脑</translation>
        </message>
        <message>
            <source>Compare this fingerprint with the one the other PC shows on its sync tab (read it out over the phone, or look at both screens). Trust it only if all twenty characters match.</source>
            <translation>请把此指纹与对方电脑“数据同步”页上显示的指纹核对（可电话念给对方，或对照两台电脑的屏幕）。20 个字符全部一致才可信任。</translation>
        </message>
        <message>
            <source>PC</source>
            <translation>电脑</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>单位类型</translation>
        </message>
        <message>
            <source>Fingerprint</source>
            <translation>指纹</translation>
        </message>
        <message>
            <source>&amp;They match: trust</source>
            <translation>一致，信任(&amp;T)</translation>
        </message>
        <message>
            <source>They differ: &amp;cancel</source>
            <translation>不一致，取消(&amp;C)</translation>
        </message>
    </context>
    <context>
        <name>UnitSummaryTableModel</name>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>党员数</translation>
        </message>
        <message>
            <source>Activities</source>
            <translation>活动次数</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>服务时长</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>积分</translation>
        </message>
    </context>
    <context>
        <name>UnitTableModel</name>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>共建协议</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Part-time committee members</source>
            <translation>兼职委员</translation>
        </message>
        <message>
            <source>In-service members</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Resources</source>
            <translation>资源清单</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>订单</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>办结</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>signed {date}</source>
            <translation>{date}签订</translation>
        </message>
        <message>
            <source>, until {date}</source>
            <translation>，至{date}</translation>
        </message>
        <message>
            <source> (expired)</source>
            <translation>（已到期）</translation>
        </message>
    </context>
    <context>
        <name>UnitsPage</name>
        <message>
            <source>New unit…</source>
            <translation>新增单位…</translation>
        </message>
        <message>
            <source>Edit unit…</source>
            <translation>编辑单位…</translation>
        </message>
        <message>
            <source>Co-building agreement…</source>
            <translation>共建协议…</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>添加附件…</translation>
        </message>
        <message>
            <source>Files</source>
            <translation>附件</translation>
        </message>
        <message>
            <source>Edit unit</source>
            <translation>编辑单位</translation>
        </message>
        <message>
            <source>Edit co-building agreement</source>
            <translation>编辑共建协议</translation>
        </message>
        <message>
            <source>Agreement or other file</source>
            <translation>共建协议或其他附件</translation>
        </message>
    </context>
    <context>
        <name>VisitDialog</name>
        <message>
            <source>Visit to {address}</source>
            <translation>走访 {address}</translation>
        </message>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Visitor</source>
            <translation>走访人</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>走访情况</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>诉求</translation>
        </message>
    </context>
    <context>
        <name>VisitModel</name>
        <message>
            <source>Date</source>
            <translation>日期</translation>
        </message>
        <message>
            <source>Visitor</source>
            <translation>走访人</translation>
        </message>
        <message>
            <source>Findings</source>
            <translation>走访情况</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>诉求</translation>
        </message>
    </context>
    <context>
        <name>WalkInDialog</name>
        <message>
            <source>Walk-in</source>
            <translation>临时到会</translation>
        </message>
        <message>
            <source>Someone who is not on the list: they are added and marked present.</source>
            <translation>不在名单中的人员：将添加到名单并标记为出席。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>For a unit's representative (optional)</source>
            <translation>单位代表填写（可选）</translation>
        </message>
    </context>
    <context>
        <name>WorkUnitDialog</name>
        <message>
            <source>Edit work unit</source>
            <translation>编辑工作单位</translation>
        </message>
        <message>
            <source>New work unit</source>
            <translation>新建工作单位</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>单位名称</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
    </context>
    <context>
        <name>WorkUnitTableModel</name>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Contact</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>党员数</translation>
        </message>
    </context>
    <context>
        <name>WorkUnitsDialog</name>
        <message>
            <source>Work units</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>New work unit…</source>
            <translation>新建工作单位…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
    </context>
    <context>
        <name>WorkbenchTab</name>
        <message>
            <source>Refresh</source>
            <translation>刷新</translation>
        </message>
        <message>
            <source>Read the to-do, the figures and the chart again</source>
            <translation>重新读取待办、概况和图表</translation>
        </message>
        <message>
            <source>Print the work report</source>
            <translation>打印工作情况报表</translation>
        </message>
        <message>
            <source>Monday</source>
            <translation>星期一</translation>
        </message>
        <message>
            <source>Tuesday</source>
            <translation>星期二</translation>
        </message>
        <message>
            <source>Wednesday</source>
            <translation>星期三</translation>
        </message>
        <message>
            <source>Thursday</source>
            <translation>星期四</translation>
        </message>
        <message>
            <source>Friday</source>
            <translation>星期五</translation>
        </message>
        <message>
            <source>Saturday</source>
            <translation>星期六</translation>
        </message>
        <message>
            <source>Sunday</source>
            <translation>星期日</translation>
        </message>
        <message>
            <source>Today is {date}, {weekday}</source>
            <translation>今天是 {date}，{weekday}</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Could not be read: {error}</source>
            <translation>未能读取：{error}</translation>
        </message>
    </context>
    <context>
        <name>access</name>
        <message>
            <source>Administrator</source>
            <translation>管理员</translation>
        </message>
        <message>
            <source>Secretary / deputy secretary</source>
            <translation>书记/副书记</translation>
        </message>
        <message>
            <source>Full-time community worker</source>
            <translation>专职工作者</translation>
        </message>
        <message>
            <source>Grid worker</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Read only</source>
            <translation>只读</translation>
        </message>
        <message>
            <source>View the party-member roster</source>
            <translation>查看党员花名册</translation>
        </message>
        <message>
            <source>Edit members and organisations</source>
            <translation>编辑党员和组织</translation>
        </message>
        <message>
            <source>View grids and households</source>
            <translation>查看网格和住户</translation>
        </message>
        <message>
            <source>Edit households, residents, visits and tags</source>
            <translation>编辑住户、居民、走访和标签</translation>
        </message>
        <message>
            <source>Set up grids and grid teams</source>
            <translation>设置网格和网格团队</translation>
        </message>
        <message>
            <source>View council meetings</source>
            <translation>查看议事会会议</translation>
        </message>
        <message>
            <source>Edit council meetings and minutes</source>
            <translation>编辑议事会会议和记录</translation>
        </message>
        <message>
            <source>View in-service registrations</source>
            <translation>查看在职党员报到</translation>
        </message>
        <message>
            <source>Edit registrations, service and points</source>
            <translation>编辑报到、服务和积分</translation>
        </message>
        <message>
            <source>View co-building and orders</source>
            <translation>查看共驻共建和订单</translation>
        </message>
        <message>
            <source>Edit the lists, assign and dispatch orders</source>
            <translation>维护清单、分单派单</translation>
        </message>
        <message>
            <source>Record residents' needs and their handling</source>
            <translation>登记居民需求及办理情况</translation>
        </message>
        <message>
            <source>Show full ID numbers and phones</source>
            <translation>查看完整身份证号和电话</translation>
        </message>
        <message>
            <source>Print ledgers</source>
            <translation>打印台账</translation>
        </message>
        <message>
            <source>Export to Excel (masked)</source>
            <translation>导出 Excel（脱敏）</translation>
        </message>
        <message>
            <source>Export with full numbers</source>
            <translation>导出完整号码</translation>
        </message>
        <message>
            <source>Import from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
        <message>
            <source>Sync with the street office</source>
            <translation>与街道同步</translation>
        </message>
        <message>
            <source>Change the office's settings</source>
            <translation>修改本单位设置</translation>
        </message>
        <message>
            <source>Manage accounts</source>
            <translation>管理账户</translation>
        </message>
        <message>
            <source>Restore a backup</source>
            <translation>恢复备份</translation>
        </message>
        <message>
            <source>Read the audit log</source>
            <translation>查看审计日志</translation>
        </message>
        <message>
            <source>Control tags (granted per account)</source>
            <translation>管控标签（按账户授权）</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>GridOffice met an unexpected error. What you were doing may not have been saved; check it, and please send the log file {log} to whoever supports GridOffice.</source>
            <translation>网格通遇到意外错误。刚才的操作可能没有保存，请检查；并请把日志文件 {log} 发给网格通的技术支持人员。</translation>
        </message>
        <message>
            <source>(no log file)</source>
            <translation>（无日志文件）</translation>
        </message>
        <message>
            <source>{office}: sign in with your login name and password.</source>
            <translation>{office}：请用登录名和密码登录。</translation>
        </message>
    </context>
    <context>
        <name>audit</name>
        <message>
            <source>Signed in</source>
            <extracomment>What each recorded action means, in English (translated in the "audit" context); an action missing here is shown as recorded.</extracomment>
            <translation>登录</translation>
        </message>
        <message>
            <source>Sign-in failed</source>
            <translation>登录失败</translation>
        </message>
        <message>
            <source>Account locked</source>
            <translation>账户已锁定</translation>
        </message>
        <message>
            <source>Unlocked</source>
            <translation>解锁</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>Account added</source>
            <translation>新增账户</translation>
        </message>
        <message>
            <source>Account changed</source>
            <translation>修改账户</translation>
        </message>
        <message>
            <source>Account disabled</source>
            <translation>停用账户</translation>
        </message>
        <message>
            <source>Account enabled</source>
            <translation>启用账户</translation>
        </message>
        <message>
            <source>Password reset</source>
            <translation>重置密码</translation>
        </message>
        <message>
            <source>Password changed</source>
            <translation>修改密码</translation>
        </message>
        <message>
            <source>Accounts started</source>
            <translation>启用账户管理</translation>
        </message>
        <message>
            <source>Ledger saved or printed</source>
            <translation>保存或打印台账</translation>
        </message>
        <message>
            <source>Exported (masked)</source>
            <translation>导出（已部分隐去）</translation>
        </message>
        <message>
            <source>Exported with full numbers</source>
            <translation>导出（含完整号码）</translation>
        </message>
        <message>
            <source>Full ID number shown</source>
            <translation>查看完整证件号码</translation>
        </message>
        <message>
            <source>In-service member's full numbers shown</source>
            <translation>查看在职党员完整号码</translation>
        </message>
        <message>
            <source>Sync package made</source>
            <translation>导出同步包</translation>
        </message>
        <message>
            <source>Sync package imported</source>
            <translation>导入同步包</translation>
        </message>
        <message>
            <source>Imported from Excel</source>
            <translation>从 Excel 导入</translation>
        </message>
        <message>
            <source>Backup restored</source>
            <translation>已恢复备份</translation>
        </message>
        <message>
            <source>No such login name</source>
            <extracomment>What a recorded detail means, where the code records a word: why a sign-in failed.</extracomment>
            <translation>无此登录名</translation>
        </message>
        <message>
            <source>Wrong password</source>
            <translation>密码错误</translation>
        </message>
        <message>
            <source>The account is disabled</source>
            <translation>账户已停用</translation>
        </message>
        <message>
            <source>The account is locked</source>
            <translation>账户已锁定</translation>
        </message>
    </context>
    <context>
        <name>changes</name>
        <message>
            <source>Meeting details changed: {fields}</source>
            <translation>修改会议信息：{fields}</translation>
        </message>
        <message>
            <source>Attendee added: {name}</source>
            <translation>增加参会人员：{name}</translation>
        </message>
        <message>
            <source>Attendee removed: {name}</source>
            <translation>移除参会人员：{name}</translation>
        </message>
        <message>
            <source>Attendee {name}: {before} → {after}</source>
            <translation>参会人员{name}：{before} → {after}</translation>
        </message>
        <message>
            <source>Agenda item added: {title}</source>
            <translation>增加议题：{title}</translation>
        </message>
        <message>
            <source>Agenda item changed: {title}</source>
            <translation>修改议题：{title}</translation>
        </message>
        <message>
            <source>Agenda item removed: {title}</source>
            <translation>删除议题：{title}</translation>
        </message>
        <message>
            <source>Speech added: {speaker}</source>
            <translation>增加发言：{speaker}</translation>
        </message>
        <message>
            <source>Speech changed: {speaker}</source>
            <translation>修改发言：{speaker}</translation>
        </message>
        <message>
            <source>Speech removed: {speaker}</source>
            <translation>删除发言：{speaker}</translation>
        </message>
        <message>
            <source>Resolution added: {text}</source>
            <translation>增加决议：{text}</translation>
        </message>
        <message>
            <source>Resolution {text}: votes {before} → {after}</source>
            <translation>决议“{text}”：票数 {before} → {after}</translation>
        </message>
        <message>
            <source>Resolution removed: {text}</source>
            <translation>删除决议：{text}</translation>
        </message>
    </context>
    <context>
        <name>charts</name>
        <message>
            <source>Men</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Women</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Households</source>
            <translation>户数</translation>
        </message>
        <message>
            <source>In-service members</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Visited in the last {days} days</source>
            <translation>近 {days} 天已走访</translation>
        </message>
        <message>
            <source>Follow-ups</source>
            <translation>落实事项</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Hours</source>
            <translation>服务时长</translation>
        </message>
        <message>
            <source>people</source>
            <translation>人</translation>
        </message>
        <message>
            <source>households</source>
            <translation>户</translation>
        </message>
        <message>
            <source>follow-ups</source>
            <translation>项</translation>
        </message>
        <message>
            <source>hours</source>
            <translation>小时</translation>
        </message>
        <message>
            <source>Probationary</source>
            <translation>预备党员</translation>
        </message>
        <message>
            <source>Not recorded</source>
            <translation>未登记</translation>
        </message>
        <message>
            <source>Population by age and sex</source>
            <translation>人口年龄性别结构</translation>
        </message>
        <message>
            <source>Party members by age</source>
            <translation>党员年龄结构</translation>
        </message>
        <message>
            <source>Party members by years in the party</source>
            <translation>党员党龄结构</translation>
        </message>
        <message>
            <source>Party members by education</source>
            <translation>党员学历结构</translation>
        </message>
        <message>
            <source>Party members and in-service members per community</source>
            <translation>各社区党员和在职党员报到人数</translation>
        </message>
        <message>
            <source>Households visited per grid</source>
            <translation>各网格入户走访情况</translation>
        </message>
        <message>
            <source>Follow-ups by month of the meeting</source>
            <translation>议事会决议落实情况（按会议月份）</translation>
        </message>
        <message>
            <source>In-service hours by month</source>
            <translation>在职党员服务时长（按月）</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <source>usage</source>
            <translation>用法</translation>
        </message>
        <message>
            <source>positional arguments</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <source>show this help message and exit</source>
            <translation>显示本帮助并退出</translation>
        </message>
        <message>
            <source>usage error: {message} (see --help)</source>
            <translation>用法错误：{message}（见 --help）</translation>
        </message>
        <message>
            <source>{names} must be given</source>
            <translation>缺少必填项：{names}</translation>
        </message>
        <message>
            <source>give one of {names}</source>
            <translation>请在 {names} 中选填一项</translation>
        </message>
        <message>
            <source>unknown arguments: {names}</source>
            <translation>无法识别的参数：{names}</translation>
        </message>
        <message>
            <source>{option} could mean {names}</source>
            <translation>{option} 不明确，可能是：{names}</translation>
        </message>
        <message>
            <source>{option}: there is no {value}; choose one of {names}</source>
            <translation>{option}：没有“{value}”这一项，可选：{names}</translation>
        </message>
        <message>
            <source>{option}: {value} is not a whole number</source>
            <translation>{option}：{value} 不是整数</translation>
        </message>
        <message>
            <source>{option}: give a value after it</source>
            <translation>{option}：后面要写一个值</translation>
        </message>
        <message>
            <source>{option} and {other} cannot be given together</source>
            <translation>{option} 和 {other} 不能同时使用</translation>
        </message>
        <message>
            <source>the file to write (.pdf is added when the name has no extension)</source>
            <translation>要生成的文件（文件名不带扩展名时自动加上 .pdf）</translation>
        </message>
        <message>
            <source>at a street office: the community whose grid is meant</source>
            <translation>街道使用：网格所属的社区</translation>
        </message>
        <message>
            <source>GridOffice without its window: information, demo data, ledgers, Excel import and export, sync with the street office.</source>
            <translation>网格通命令行工具（不打开窗口）：查看信息、生成演示数据、打印台账、Excel 导入导出、与街道同步数据。</translation>
        </message>
        <message>
            <source>print the program's version and exit</source>
            <translation>显示程序版本并退出</translation>
        </message>
        <message>
            <source>the data folder (default: $GRIDOFFICE_DATA_DIR or the user's data folder)</source>
            <translation>数据目录（默认：环境变量 $GRIDOFFICE_DATA_DIR 指定的目录，或当前用户的数据目录）</translation>
        </message>
        <message>
            <source>log debug messages to stderr</source>
            <translation>在标准错误输出中显示调试信息</translation>
        </message>
        <message>
            <source>office, data folder, data version, counts and digests</source>
            <translation>本单位、数据目录、数据版本、各类数量和校验值</translation>
        </message>
        <message>
            <source>print JSON</source>
            <translation>以 JSON 格式输出</translation>
        </message>
        <message>
            <source>what is due: the items and counts of the workbench (工作台)</source>
            <translation>待办事项：工作台上的各项及其数目</translation>
        </message>
        <message>
            <source>fill an empty data folder with demo data (sets up the demo community when the folder is not set up)</source>
            <translation>在空的数据目录中生成演示数据（目录尚未设置单位时，自动设为演示社区）</translation>
        </message>
        <message>
            <source>random seed (default 1)</source>
            <translation>随机种子（默认 1）</translation>
        </message>
        <message>
            <source>set up this PC's office without the window</source>
            <translation>不打开窗口，设置本机所属单位</translation>
        </message>
        <message>
            <source>a street office or a community office</source>
            <translation>street 为街道，community 为社区</translation>
        </message>
        <message>
            <source>the street office</source>
            <translation>所属街道的名称</translation>
        </message>
        <message>
            <source>the community (role community)</source>
            <translation>社区名称（设置社区时填写）</translation>
        </message>
        <message>
            <source>which PC of the office</source>
            <translation>本机在单位里的叫法（如 1号机）</translation>
        </message>
        <message>
            <source>who works on this PC (default 管理员)</source>
            <translation>本机经办人（默认 管理员）</translation>
        </message>
        <message>
            <source>no accounts: everyone at this PC may do everything (without it, add the administrator next)</source>
            <translation>不设账户：本机人人可做一切（不加此项时，下一步添加管理员）</translation>
        </message>
        <message>
            <source>print a PDF ledger</source>
            <translation>打印 PDF 台账</translation>
        </message>
        <message>
            <source>why the file needs full numbers (required with --full; audited)</source>
            <translation>导出完整号码的事由（使用 --full 时必填；记入审计日志）</translation>
        </message>
        <message>
            <source>read the audit log and check that nobody changed it</source>
            <translation>查看审计日志并检查是否被改动</translation>
        </message>
        <message>
            <source>the entries of the audit log, oldest first</source>
            <translation>审计日志的条目（按时间先后）</translation>
        </message>
        <message>
            <source>only the entries from this day on</source>
            <translation>只列出此日期起的条目</translation>
        </message>
        <message>
            <source>only the entries of this person</source>
            <translation>只列出此人的条目</translation>
        </message>
        <message>
            <source>only the entries of this action (print, export, reveal_identity …)</source>
            <translation>只列出此类操作的条目（print、export、reveal_identity …）</translation>
        </message>
        <message>
            <source>check that no entry was edited or removed outside the program (exit 1 naming the first broken entry)</source>
            <translation>检查是否有条目在程序之外被修改或删除（如有，以退出码 1 结束并指出第一条被改动的条目）</translation>
        </message>
        <message>
            <source>demo: saved</source>
            <translation>演示数据：已保存</translation>
        </message>
        <message>
            <source>党组织设置一览表: the party organisations</source>
            <translation>党组织设置一览表</translation>
        </message>
        <message>
            <source>organisations and seats as they were on this day (e.g. 2026-11-01)</source>
            <translation>按某一天的党组织和班子成员情况打印（如 2026-11-01）</translation>
        </message>
        <message>
            <source>党员花名册: the party-member roster</source>
            <translation>党员花名册</translation>
        </message>
        <message>
            <source>an organisation (full or short name) and its sub-organisations</source>
            <translation>某个党组织（全称或简称）及其下级党组织</translation>
        </message>
        <message>
            <source>the members who belonged on this day (e.g. 2026-11-01)</source>
            <translation>按某一天在册的党员打印（如 2026-11-01）</translation>
        </message>
        <message>
            <source>网格户情登记表: one form per household</source>
            <translation>网格户情登记表（每户一页）</translation>
        </message>
        <message>
            <source>the grid (its code or name)</source>
            <translation>网格（编号或名称）</translation>
        </message>
        <message>
            <source>only this building of the grid</source>
            <translation>只打印网格里的这栋楼</translation>
        </message>
        <message>
            <source>网格户情汇总表: the residents of a grid</source>
            <translation>网格户情汇总表（网格内全部居民）</translation>
        </message>
        <message>
            <source>关爱对象名单: the residents with a care tag</source>
            <translation>关爱对象名单（某一类关爱对象）</translation>
        </message>
        <message>
            <source>the care tag, its Chinese name or code (e.g. 独居老人 or living_alone)</source>
            <translation>关爱对象类别，写中文名称或代码（如 独居老人 或 living_alone）</translation>
        </message>
        <message>
            <source>only this grid (its code or name; default: the whole community)</source>
            <translation>只打印这个网格（编号或名称；默认：全社区）</translation>
        </message>
        <message>
            <source>会议记录 with its 签到表: one meeting</source>
            <translation>会议记录及签到表（一次会议）</translation>
        </message>
        <message>
            <source>the meeting number shown in the program, e.g. 20261110-1</source>
            <translation>程序里显示的会议编号，如 20261110-1</translation>
        </message>
        <message>
            <source>the resident council held on this day (e.g. 2026-11-10)</source>
            <translation>这一天召开的居民议事会（如 2026-11-10）</translation>
        </message>
        <message>
            <source>the year (default: this year)</source>
            <translation>年度（默认今年）</translation>
        </message>
        <message>
            <source>why a grid worker prints their grid with full addresses (e.g. 入户走访); written to the audit log</source>
            <translation>网格员打印本网格完整地址台账的事由（如 入户走访）；记入审计日志</translation>
        </message>
        <message>
            <source>议事会决议落实情况跟踪表: the follow-ups of resolutions</source>
            <translation>议事会决议落实情况跟踪表</translation>
        </message>
        <message>
            <source>only the meetings of this year (default: all)</source>
            <translation>只含这一年的会议（默认：全部）</translation>
        </message>
        <message>
            <source>年度会议情况汇总表: the meetings of a year</source>
            <translation>年度会议情况汇总表</translation>
        </message>
        <message>
            <source>the year</source>
            <translation>年份</translation>
        </message>
        <message>
            <source>街道社区工作情况汇总表: the figures of each community</source>
            <translation>街道社区工作情况汇总表（各社区数据）</translation>
        </message>
        <message>
            <source>meetings, follow-ups and points of this year (default: this year)</source>
            <translation>会议、决议落实和积分按这一年统计（默认：今年）</translation>
        </message>
        <message>
            <source>需求清单: the residents' orders of a year</source>
            <translation>需求清单：一年的居民订单</translation>
        </message>
        <message>
            <source>资源清单: what units and members offer now</source>
            <translation>资源清单：驻区单位和党员现有资源</translation>
        </message>
        <message>
            <source>服务清单: the services and projects</source>
            <translation>服务清单：服务和项目</translation>
        </message>
        <message>
            <source>共驻共建单位一览表: the units of the area</source>
            <translation>共驻共建单位一览表：驻区单位</translation>
        </message>
        <message>
            <source>派单单: the work order for the unit, with a reply slip</source>
            <translation>派单单：交承办单位，附回执</translation>
        </message>
        <message>
            <source>only this order (its number, e.g. 2026-0012); default: every order given out and not finished</source>
            <translation>只打印此订单（编号，如 2026-0012）；默认打印所有已派出未办结的订单</translation>
        </message>
        <message>
            <source>街道派单台账: the orders sent up to the street, of a year</source>
            <translation>街道派单台账：一年内上报街道的订单</translation>
        </message>
        <message>
            <source>双向评议表: one survey page per unit</source>
            <translation>双向评议表：每个单位一页</translation>
        </message>
        <message>
            <source>双向评议结果: the year's two-way review, ranked</source>
            <translation>双向评议结果：年度评议及排名</translation>
        </message>
        <message>
            <source>a year, half, quarter or month: 2026, 2026H1, 2026Q3, 2026-07 (also 2026年上半年, 2026年第3季度, 2026年7月)</source>
            <translation>年、半年、季度或月：2026、2026H1、2026Q3、2026-07（也可写 2026年上半年、2026年第3季度、2026年7月）</translation>
        </message>
        <message>
            <source>在职党员报到一览表: the in-service members</source>
            <translation>在职党员报到一览表</translation>
        </message>
        <message>
            <source>only this member (their code, e.g. ZB0001)</source>
            <translation>只打印这名党员（报到编号，如 ZB0001）</translation>
        </message>
        <message>
            <source>社区工作情况报表: the figures and charts of a month or a year (the workbench on paper)</source>
            <translation>社区工作情况报表：一个月或一年的数据和图表（纸上的工作台）</translation>
        </message>
        <message>
            <source>one month</source>
            <translation>某一个月</translation>
        </message>
        <message>
            <source>one year</source>
            <translation>某一年</translation>
        </message>
        <message>
            <source>在职党员报到登记表: one page per member</source>
            <translation>在职党员报到登记表（每人一页）</translation>
        </message>
        <message>
            <source>服务记录卡: one card per member</source>
            <translation>服务记录卡（每人一张）</translation>
        </message>
        <message>
            <source>积分公示表: the public notice of points</source>
            <translation>积分公示表</translation>
        </message>
        <message>
            <source>only the members of this work unit (双向公示)</source>
            <translation>只含这个工作单位的党员（双向公示）</translation>
        </message>
        <message>
            <source>工作单位反馈函: one PDF per work unit, into a folder</source>
            <translation>工作单位反馈函（每个单位一个 PDF，存入文件夹）</translation>
        </message>
        <message>
            <source>the folder to write into</source>
            <translation>保存到的文件夹</translation>
        </message>
        <message>
            <source>报到卡 with QR codes, 8 a page</source>
            <translation>带二维码的报到卡（每页 8 张）</translation>
        </message>
        <message>
            <source>服务岗位二维码海报: one page per open post</source>
            <translation>服务岗位二维码海报（每个开放岗位一页）</translation>
        </message>
        <message>
            <source>small (160 members, a year of meetings), medium (2,000 members, ten years) or large (20,000 members, ten years)</source>
            <translation>small（160 名党员，一年的会议）、medium（2,000 名党员，十年）或 large（20,000 名党员，十年）</translation>
        </message>
        <message>
            <source>report each step on stderr even when it is not a terminal (it is reported on a terminal anyway)</source>
            <translation>即使标准错误输出不是终端也逐步报告进度（在终端上总会报告）</translation>
        </message>
        <message>
            <source>file-based sync with the street office</source>
            <translation>通过文件与街道同步数据</translation>
        </message>
        <message>
            <source>write this PC's identity file</source>
            <translation>导出本机的身份文件</translation>
        </message>
        <message>
            <source>the identity file to write</source>
            <translation>要导出的身份文件</translation>
        </message>
        <message>
            <source>trust another office's identity file</source>
            <translation>信任另一单位电脑的身份文件</translation>
        </message>
        <message>
            <source>the other office's identity file</source>
            <translation>对方电脑的身份文件</translation>
        </message>
        <message>
            <source>write packages of the changes the peers have not acknowledged</source>
            <translation>把对方尚未确认收到的变更写成同步包</translation>
        </message>
        <message>
            <source>only for this office or PC (name, label or id)</source>
            <translation>只发给这个单位或电脑（名称、机器名或编号）</translation>
        </message>
        <message>
            <source>the package file, or a folder for one package per peer</source>
            <translation>同步包文件；写文件夹则每个对方一个包</translation>
        </message>
        <message>
            <source>import package files, each all or nothing</source>
            <translation>导入同步包（每个包要么全部导入，要么都不导入）</translation>
        </message>
        <message>
            <source>the package files (.gridsync)</source>
            <translation>同步包文件（.gridsync）</translation>
        </message>
        <message>
            <source>each peer: packages, pending changes, conflicts, digests</source>
            <translation>各对方电脑：收发的包、待发变更、冲突、数据校验</translation>
        </message>
        <message>
            <source>the versions kept from conflicts</source>
            <translation>冲突时保留下来的版本</translation>
        </message>
        <message>
            <source>resolved ones too</source>
            <translation>也列出已处理的</translation>
        </message>
        <message>
            <source>settle one conflict</source>
            <translation>处理一个冲突</translation>
        </message>
        <message>
            <source>the conflict's id (its first 8 characters will do)</source>
            <translation>冲突编号（写前 8 位即可）</translation>
        </message>
        <message>
            <source>keep ours, take theirs, or (for a possible duplicate) same_person or different</source>
            <translation>keep 保留本机的，take 采用对方的；疑似重复人员用 same_person（同一人）或 different（不是同一人）</translation>
        </message>
        <message>
            <source>the offices this PC trusts</source>
            <translation>本机信任的单位电脑</translation>
        </message>
        <message>
            <source>import data from Excel</source>
            <translation>从 Excel 导入数据</translation>
        </message>
        <message>
            <source>the sheet's name (default: the first)</source>
            <translation>工作表名称（默认：第一个）</translation>
        </message>
        <message>
            <source>check every row and report; write nothing</source>
            <translation>逐行检查并报告问题，不写入任何数据</translation>
        </message>
        <message>
            <source>the .xlsx file to read</source>
            <translation>要读取的 .xlsx 文件</translation>
        </message>
        <message>
            <source>party members from an .xlsx file</source>
            <translation>从 .xlsx 文件导入党员</translation>
        </message>
        <message>
            <source>residents (实有人口) from an .xlsx file</source>
            <translation>从 .xlsx 文件导入居民（实有人口）</translation>
        </message>
        <message>
            <source>create the buildings the file names that do not exist</source>
            <translation>文件里的楼栋还没有时，自动新建</translation>
        </message>
        <message>
            <source>export data to Excel</source>
            <translation>导出数据到 Excel</translation>
        </message>
        <message>
            <source>the .xlsx file to write (.xlsx is added when the name has no extension)</source>
            <translation>要生成的 .xlsx 文件（文件名不带扩展名时自动加上 .xlsx）</translation>
        </message>
        <message>
            <source>the active party members, masked</source>
            <translation>在册党员（证件号、电话部分隐藏）</translation>
        </message>
        <message>
            <source>an organisation and its sub-organisations</source>
            <translation>某个党组织及其下级党组织</translation>
        </message>
        <message>
            <source>the residents, masked</source>
            <translation>居民（证件号、电话部分隐藏）</translation>
        </message>
        <message>
            <source>only this grid (its code or name)</source>
            <translation>只含这个网格（编号或名称）</translation>
        </message>
        <message>
            <source>full ID numbers and phones (recorded in the audit log), a file to import back</source>
            <translation>显示完整证件号码和联系电话（记入审计日志），导出的文件可以再导入</translation>
        </message>
        <message>
            <source>Password of {login}: </source>
            <translation>{login} 的密码：</translation>
        </message>
        <message>
            <source>New password of {login}: </source>
            <translation>{login} 的新密码：</translation>
        </message>
        <message>
            <source>The new password again: </source>
            <translation>再输入一次新密码：</translation>
        </message>
        <message>
            <source>Current password of {login}: </source>
            <translation>{login} 的当前密码：</translation>
        </message>
        <message>
            <source>sign in as this account (a folder with accounts needs it); the password from $GRIDOFFICE_PASSWORD or typed when asked</source>
            <translation>以此账户登录（已设账户的数据目录必须登录）；密码取自 $GRIDOFFICE_PASSWORD，或在提示时输入</translation>
        </message>
        <message>
            <source>the accounts of this PC: add, list, disable, enable, passwords</source>
            <translation>本机的账户：添加、列出、停用、启用、密码</translation>
        </message>
        <message>
            <source>the account's login name</source>
            <translation>账户的登录名</translation>
        </message>
        <message>
            <source>add an account (the first one must be the administrator; later ones need --user of an administrator); the password from $GRIDOFFICE_PASSWORD, with --user from $GRIDOFFICE_NEW_PASSWORD, or typed twice</source>
            <translation>添加账户（第一个账户必须是管理员；之后的账户须以管理员 --user 登录后添加）；密码取自 $GRIDOFFICE_PASSWORD，带 --user 时取自 $GRIDOFFICE_NEW_PASSWORD，或输入两次</translation>
        </message>
        <message>
            <source>the role: administrator, secretary, staff (full-time community worker), grid worker or viewer (read only)</source>
            <translation>角色：管理员、书记/副书记、专职工作者、网格员或只读</translation>
        </message>
        <message>
            <source>a grid worker's grid (its code or name; repeat for more)</source>
            <translation>网格员负责的网格（编码或名称；多个网格可重复给出）</translation>
        </message>
        <message>
            <source>at a street office: a community the account is limited to (its name; repeat for more; none: every community)</source>
            <translation>街道办使用：账户限于的社区（社区名称；可重复指定多个；不指定则为全部社区）</translation>
        </message>
        <message>
            <source>the person's real name</source>
            <translation>本人姓名</translation>
        </message>
        <message>
            <source>the person's phone</source>
            <translation>本人电话</translation>
        </message>
        <message>
            <source>may see and set control tags (admin, secretary or staff only)</source>
            <translation>可查看和设置管控标签（仅限管理员、书记/副书记或专职工作者）</translation>
        </message>
        <message>
            <source>every account: login, real name, role, grids, communities, disabled, locked</source>
            <translation>全部账户：登录名、真实姓名、角色、网格、社区、是否停用、是否锁定</translation>
        </message>
        <message>
            <source>disable an account (never deleted)</source>
            <translation>停用账户（账户不会被删除）</translation>
        </message>
        <message>
            <source>enable a disabled account again</source>
            <translation>重新启用已停用的账户</translation>
        </message>
        <message>
            <source>an administrator resets anyone's password; a user changes their own giving the current one ($GRIDOFFICE_OLD_PASSWORD or typed)</source>
            <translation>管理员可重设任何人的密码；用户修改自己的密码时须给出当前密码（$GRIDOFFICE_OLD_PASSWORD 或输入）</translation>
        </message>
        <message>
            <source>backups of the data file: make one, list, verify, restore</source>
            <translation>数据文件的备份：立即备份、列出、校验、恢复</translation>
        </message>
        <message>
            <source>make a backup now in the data folder's backups (with -o: a copy and its manifest at FILE, which needs the right to export full numbers)</source>
            <translation>立即在数据目录的备份文件夹中备份（加 -o：把备份及其清单写到指定文件，需要导出完整号码的权限）</translation>
        </message>
        <message>
            <source>write the backup to this file (outside the data folder) instead</source>
            <translation>改为把备份写到此文件（须在数据目录之外）</translation>
        </message>
        <message>
            <source>every backup, newest first: time, kind, size, file, counts</source>
            <translation>所有备份，最新的在前：时间、类型、大小、文件、记录数</translation>
        </message>
        <message>
            <source>check a backup: manifest, checksum, integrity, data version (exit 1 with the reason)</source>
            <translation>校验备份：清单、校验和、完整性、数据版本（有问题时以 1 退出并说明原因）</translation>
        </message>
        <message>
            <source>the backup file (a path, or a name in the backups folder)</source>
            <translation>备份文件（路径，或备份文件夹中的文件名）</translation>
        </message>
        <message>
            <source>show what restoring a backup would change; with --yes restore it (the administrator; the current data is backed up first)</source>
            <translation>显示恢复备份将带来的变化；加 --yes 则恢复（须管理员；恢复前先备份当前数据）</translation>
        </message>
        <message>
            <source>restore it (without it nothing is changed)</source>
            <translation>执行恢复（不加则不做任何更改）</translation>
        </message>
        <message>
            <source>the recovery key of encrypted data (数据恢复密钥)</source>
            <translation>加密数据的恢复密钥（数据恢复密钥）</translation>
        </message>
        <message>
            <source>make a new recovery key and write its sheet to print and keep in the safe; the sheet printed before stops working (administrator only)</source>
            <translation>生成新的恢复密钥并写出密钥纸，打印后锁在保险柜中；之前打印的密钥纸随即失效（仅限管理员）</translation>
        </message>
        <message>
            <source>open encrypted data with the recovery key when every administrator password is lost, and set a new administrator password</source>
            <translation>所有管理员密码都遗忘时，用恢复密钥打开加密数据，并设置新的管理员密码</translation>
        </message>
        <message>
            <source>the key printed on the recovery-key sheet (dashes and case do not matter)</source>
            <translation>数据恢复密钥纸上印的密钥（短横线和大小写不影响）</translation>
        </message>
        <message>
            <source>the administrator account that gets the new password (default: the first one)</source>
            <translation>设置新密码的管理员账户（默认：第一个管理员）</translation>
        </message>
        <message>
            <source>demo: party organisations</source>
            <translation>演示数据：党组织</translation>
        </message>
        <message>
            <source>demo: party members and their history</source>
            <translation>演示数据：党员及其经历</translation>
        </message>
        <message>
            <source>demo: committee seats</source>
            <translation>演示数据：委员会职务</translation>
        </message>
        <message>
            <source>demo: grids, households, residents and visits</source>
            <translation>演示数据：网格、住户、居民和走访</translation>
        </message>
        <message>
            <source>demo: residents' council meetings</source>
            <translation>演示数据：居民议事会</translation>
        </message>
        <message>
            <source>demo: branch meetings (three meetings and one lesson)</source>
            <translation>演示数据：支部“三会一课”</translation>
        </message>
        <message>
            <source>demo: in-service members' registrations</source>
            <translation>演示数据：在职党员报到</translation>
        </message>
        <message>
            <source>demo: service posts claimed</source>
            <translation>演示数据：认领服务岗位</translation>
        </message>
        <message>
            <source>demo: a year of check-ins and points</source>
            <translation>演示数据：一年的签到签退和积分</translation>
        </message>
        <message>
            <source>demo: co-building: units, needs, resources and services</source>
            <translation>演示数据：共驻共建单位、需求、资源和服务</translation>
        </message>
    </context>
    <context>
        <name>codes</name>
        <message>
            <source>Community office</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>Street office</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>Party committee</source>
            <translation>党委</translation>
        </message>
        <message>
            <source>General party branch</source>
            <translation>党总支</translation>
        </message>
        <message>
            <source>Party branch</source>
            <translation>党支部</translation>
        </message>
        <message>
            <source>Joint party branch</source>
            <translation>联合党支部</translation>
        </message>
        <message>
            <source>Temporary party branch</source>
            <translation>临时党支部</translation>
        </message>
        <message>
            <source>Party group</source>
            <translation>党小组</translation>
        </message>
        <message>
            <source>Secretary</source>
            <translation>书记</translation>
        </message>
        <message>
            <source>Deputy secretary</source>
            <translation>副书记</translation>
        </message>
        <message>
            <source>Organisation member</source>
            <translation>组织委员</translation>
        </message>
        <message>
            <source>Publicity member</source>
            <translation>宣传委员</translation>
        </message>
        <message>
            <source>Discipline member</source>
            <translation>纪检委员</translation>
        </message>
        <message>
            <source>Youth member</source>
            <translation>青年委员</translation>
        </message>
        <message>
            <source>Group leader</source>
            <translation>党小组长</translation>
        </message>
        <message>
            <source>Part-time member from a unit</source>
            <translation>兼职委员</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>成立</translation>
        </message>
        <message>
            <source>Renamed</source>
            <translation>更名</translation>
        </message>
        <message>
            <source>Details changed</source>
            <translation>信息变更</translation>
        </message>
        <message>
            <source>Moved</source>
            <translation>调整隶属关系</translation>
        </message>
        <message>
            <source>Retired</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Restored</source>
            <translation>恢复</translation>
        </message>
        <message>
            <source>Seat appointed</source>
            <translation>任职</translation>
        </message>
        <message>
            <source>Seat ended</source>
            <translation>离任</translation>
        </message>
        <message>
            <source>Appointment withdrawn</source>
            <translation>撤回任命</translation>
        </message>
        <message>
            <source>Male</source>
            <translation>男</translation>
        </message>
        <message>
            <source>Female</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Sex unknown</source>
            <translation>未知的性别</translation>
        </message>
        <message>
            <source>Sex unspecified</source>
            <translation>未说明的性别</translation>
        </message>
        <message>
            <source>Han</source>
            <translation>汉族</translation>
        </message>
        <message>
            <source>Mongol</source>
            <translation>蒙古族</translation>
        </message>
        <message>
            <source>Hui</source>
            <translation>回族</translation>
        </message>
        <message>
            <source>Tibetan</source>
            <translation>藏族</translation>
        </message>
        <message>
            <source>Uyghur</source>
            <translation>维吾尔族</translation>
        </message>
        <message>
            <source>Miao</source>
            <translation>苗族</translation>
        </message>
        <message>
            <source>Yi</source>
            <translation>彝族</translation>
        </message>
        <message>
            <source>Zhuang</source>
            <translation>壮族</translation>
        </message>
        <message>
            <source>Bouyei</source>
            <translation>布依族</translation>
        </message>
        <message>
            <source>Korean</source>
            <translation>朝鲜族</translation>
        </message>
        <message>
            <source>Manchu</source>
            <translation>满族</translation>
        </message>
        <message>
            <source>Dong</source>
            <translation>侗族</translation>
        </message>
        <message>
            <source>Yao</source>
            <translation>瑶族</translation>
        </message>
        <message>
            <source>Bai</source>
            <translation>白族</translation>
        </message>
        <message>
            <source>Tujia</source>
            <translation>土家族</translation>
        </message>
        <message>
            <source>Hani</source>
            <translation>哈尼族</translation>
        </message>
        <message>
            <source>Kazakh</source>
            <translation>哈萨克族</translation>
        </message>
        <message>
            <source>Dai</source>
            <translation>傣族</translation>
        </message>
        <message>
            <source>Li</source>
            <translation>黎族</translation>
        </message>
        <message>
            <source>Lisu</source>
            <translation>傈僳族</translation>
        </message>
        <message>
            <source>Wa</source>
            <translation>佤族</translation>
        </message>
        <message>
            <source>She</source>
            <translation>畲族</translation>
        </message>
        <message>
            <source>Gaoshan</source>
            <translation>高山族</translation>
        </message>
        <message>
            <source>Lahu</source>
            <translation>拉祜族</translation>
        </message>
        <message>
            <source>Sui</source>
            <translation>水族</translation>
        </message>
        <message>
            <source>Dongxiang</source>
            <translation>东乡族</translation>
        </message>
        <message>
            <source>Naxi</source>
            <translation>纳西族</translation>
        </message>
        <message>
            <source>Jingpo</source>
            <translation>景颇族</translation>
        </message>
        <message>
            <source>Kirgiz</source>
            <translation>柯尔克孜族</translation>
        </message>
        <message>
            <source>Tu</source>
            <translation>土族</translation>
        </message>
        <message>
            <source>Daur</source>
            <translation>达斡尔族</translation>
        </message>
        <message>
            <source>Mulao</source>
            <translation>仫佬族</translation>
        </message>
        <message>
            <source>Qiang</source>
            <translation>羌族</translation>
        </message>
        <message>
            <source>Blang</source>
            <translation>布朗族</translation>
        </message>
        <message>
            <source>Salar</source>
            <translation>撒拉族</translation>
        </message>
        <message>
            <source>Maonan</source>
            <translation>毛南族</translation>
        </message>
        <message>
            <source>Gelao</source>
            <translation>仡佬族</translation>
        </message>
        <message>
            <source>Xibe</source>
            <translation>锡伯族</translation>
        </message>
        <message>
            <source>Achang</source>
            <translation>阿昌族</translation>
        </message>
        <message>
            <source>Pumi</source>
            <translation>普米族</translation>
        </message>
        <message>
            <source>Tajik</source>
            <translation>塔吉克族</translation>
        </message>
        <message>
            <source>Nu</source>
            <translation>怒族</translation>
        </message>
        <message>
            <source>Uzbek</source>
            <translation>乌孜别克族</translation>
        </message>
        <message>
            <source>Russian</source>
            <translation>俄罗斯族</translation>
        </message>
        <message>
            <source>Ewenki</source>
            <translation>鄂温克族</translation>
        </message>
        <message>
            <source>De'ang</source>
            <translation>德昂族</translation>
        </message>
        <message>
            <source>Bonan</source>
            <translation>保安族</translation>
        </message>
        <message>
            <source>Yugur</source>
            <translation>裕固族</translation>
        </message>
        <message>
            <source>Gin</source>
            <translation>京族</translation>
        </message>
        <message>
            <source>Tatar</source>
            <translation>塔塔尔族</translation>
        </message>
        <message>
            <source>Derung</source>
            <translation>独龙族</translation>
        </message>
        <message>
            <source>Oroqen</source>
            <translation>鄂伦春族</translation>
        </message>
        <message>
            <source>Hezhen</source>
            <translation>赫哲族</translation>
        </message>
        <message>
            <source>Monba</source>
            <translation>门巴族</translation>
        </message>
        <message>
            <source>Lhoba</source>
            <translation>珞巴族</translation>
        </message>
        <message>
            <source>Jino</source>
            <translation>基诺族</translation>
        </message>
        <message>
            <source>Other ethnic group</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Chinese citizen of foreign origin</source>
            <translation>外国血统中国籍人士</translation>
        </message>
        <message>
            <source>CPC member</source>
            <translation>中共党员</translation>
        </message>
        <message>
            <source>CPC probationary member</source>
            <translation>中共预备党员</translation>
        </message>
        <message>
            <source>Communist Youth League member</source>
            <translation>共青团员</translation>
        </message>
        <message>
            <source>Revolutionary Committee of the Kuomintang member</source>
            <translation>民革党员</translation>
        </message>
        <message>
            <source>China Democratic League member</source>
            <translation>民盟盟员</translation>
        </message>
        <message>
            <source>China National Democratic Construction Association member</source>
            <translation>民建会员</translation>
        </message>
        <message>
            <source>China Association for Promoting Democracy member</source>
            <translation>民进会员</translation>
        </message>
        <message>
            <source>Chinese Peasants and Workers Democratic Party member</source>
            <translation>农工党党员</translation>
        </message>
        <message>
            <source>China Zhi Gong Party member</source>
            <translation>致公党党员</translation>
        </message>
        <message>
            <source>Jiusan Society member</source>
            <translation>九三学社社员</translation>
        </message>
        <message>
            <source>Taiwan Democratic Self-Government League member</source>
            <translation>台盟盟员</translation>
        </message>
        <message>
            <source>Non-party personage</source>
            <translation>无党派人士</translation>
        </message>
        <message>
            <source>Masses (no party affiliation)</source>
            <translation>群众</translation>
        </message>
        <message>
            <source>Postgraduate</source>
            <translation>研究生</translation>
        </message>
        <message>
            <source>Bachelor's (university)</source>
            <translation>大学本科</translation>
        </message>
        <message>
            <source>Junior college</source>
            <translation>大学专科</translation>
        </message>
        <message>
            <source>Secondary vocational school</source>
            <translation>中专</translation>
        </message>
        <message>
            <source>Senior high school</source>
            <translation>高中</translation>
        </message>
        <message>
            <source>Junior high school</source>
            <translation>初中</translation>
        </message>
        <message>
            <source>Primary school or below</source>
            <translation>小学及以下</translation>
        </message>
        <message>
            <source>No degree</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Bachelor's degree</source>
            <translation>学士</translation>
        </message>
        <message>
            <source>Master's degree</source>
            <translation>硕士</translation>
        </message>
        <message>
            <source>Doctorate</source>
            <translation>博士</translation>
        </message>
        <message>
            <source>Resident ID card</source>
            <translation>居民身份证</translation>
        </message>
        <message>
            <source>Residence permit for Hong Kong, Macau and Taiwan residents</source>
            <translation>港澳台居民居住证</translation>
        </message>
        <message>
            <source>Travel permit to the mainland</source>
            <translation>往来通行证</translation>
        </message>
        <message>
            <source>Passport</source>
            <translation>护照</translation>
        </message>
        <message>
            <source>Foreigner's permanent residence ID card</source>
            <translation>外国人永久居留身份证</translation>
        </message>
        <message>
            <source>Other ID document</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Full member</source>
            <translation>正式党员</translation>
        </message>
        <message>
            <source>Probationary member</source>
            <translation>预备党员</translation>
        </message>
        <message>
            <source>Directly managed member</source>
            <translation>直管党员</translation>
        </message>
        <message>
            <source>Care for the elderly</source>
            <translation>养老助老</translation>
        </message>
        <message>
            <source>Help for the disabled</source>
            <translation>助残</translation>
        </message>
        <message>
            <source>Care for children</source>
            <translation>儿童关爱</translation>
        </message>
        <message>
            <source>Medical care and health</source>
            <translation>医疗健康</translation>
        </message>
        <message>
            <source>Help into work</source>
            <translation>就业帮扶</translation>
        </message>
        <message>
            <source>Legal aid</source>
            <translation>法律援助</translation>
        </message>
        <message>
            <source>Dispute mediation</source>
            <translation>矛盾调解</translation>
        </message>
        <message>
            <source>Environment and sanitation</source>
            <translation>环境卫生</translation>
        </message>
        <message>
            <source>Repairs and facilities</source>
            <translation>设施维修</translation>
        </message>
        <message>
            <source>Parking and traffic</source>
            <translation>停车交通</translation>
        </message>
        <message>
            <source>Public security and fire safety</source>
            <translation>治安消防</translation>
        </message>
        <message>
            <source>Policy advice</source>
            <translation>政策咨询</translation>
        </message>
        <message>
            <source>Residents' council</source>
            <translation>居民议事会</translation>
        </message>
        <message>
            <source>Household visit</source>
            <translation>走访</translation>
        </message>
        <message>
            <source>Phone call</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>12345 hotline</source>
            <translation>12345 热线</translation>
        </message>
        <message>
            <source>Walk-in</source>
            <translation>来访</translation>
        </message>
        <message>
            <source>Urgent</source>
            <translation>急</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Long-term</source>
            <translation>长期</translation>
        </message>
        <message>
            <source>Unit of the area</source>
            <extracomment>days from being taken on to the deadline (a long-term order has its plan's date)</extracomment>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Department</source>
            <translation>职能部门</translation>
        </message>
        <message>
            <source>In-service member</source>
            <translation>在职党员</translation>
        </message>
        <message>
            <source>Grid team</source>
            <translation>网格团队</translation>
        </message>
        <message>
            <source>Waiting to be assigned</source>
            <translation>待分单</translation>
        </message>
        <message>
            <source>Handled by the community</source>
            <translation>社区办理</translation>
        </message>
        <message>
            <source>Sent up to the street</source>
            <translation>已上报街道</translation>
        </message>
        <message>
            <source>Dispatched</source>
            <translation>已派单</translation>
        </message>
        <message>
            <source>Claimed by the unit</source>
            <translation>已领单</translation>
        </message>
        <message>
            <source>Being handled</source>
            <translation>办理中</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>已办结</translation>
        </message>
        <message>
            <source>Rated</source>
            <translation>已评价</translation>
        </message>
        <message>
            <source>Closed</source>
            <translation>已关闭</translation>
        </message>
        <message>
            <source>Assigned by the community</source>
            <translation>社区分单</translation>
        </message>
        <message>
            <source>Dispatched by the street</source>
            <translation>街道派单</translation>
        </message>
        <message>
            <source>Returned by the street</source>
            <translation>街道退回</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>领单</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>办理进展</translation>
        </message>
        <message>
            <source>Completion</source>
            <translation>办结</translation>
        </message>
        <message>
            <source>Rated by the resident</source>
            <translation>居民评价</translation>
        </message>
        <message>
            <source>Need</source>
            <translation>诉求内容</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>说明</translation>
        </message>
        <message>
            <source>Urgency</source>
            <translation>紧急程度</translation>
        </message>
        <message>
            <source>community</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>street</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>Mobile member</source>
            <translation>流动党员</translation>
        </message>
        <message>
            <source>Retired member</source>
            <translation>离退休党员</translation>
        </message>
        <message>
            <source>Membership normal</source>
            <translation>正常</translation>
        </message>
        <message>
            <source>Transferring out</source>
            <translation>转出中</translation>
        </message>
        <message>
            <source>Transferred out</source>
            <translation>已转出</translation>
        </message>
        <message>
            <source>Membership suspended</source>
            <translation>停止党籍</translation>
        </message>
        <message>
            <source>Out of the party</source>
            <translation>出党</translation>
        </message>
        <message>
            <source>Deceased</source>
            <translation>去世</translation>
        </message>
        <message>
            <source>Transfer draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Transfer under review</source>
            <translation>审核中</translation>
        </message>
        <message>
            <source>Transfer approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Transfer returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Awaiting receipt</source>
            <translation>等待接收</translation>
        </message>
        <message>
            <source>Receipt confirmed</source>
            <translation>确认接收</translation>
        </message>
        <message>
            <source>Full name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Former name</source>
            <translation>曾用名</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Contact phone</source>
            <translation>联系人电话</translation>
        </message>
        <message>
            <source>Work unit contact phone</source>
            <translation>单位联系人电话</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Join date</source>
            <translation>入党日期</translation>
        </message>
        <message>
            <source>Full-membership date</source>
            <translation>转正日期</translation>
        </message>
        <message>
            <source>Leave date</source>
            <translation>外出日期</translation>
        </message>
        <message>
            <source>Move-in date</source>
            <translation>迁入日期</translation>
        </message>
        <message>
            <source>Move-out date</source>
            <translation>迁出日期</translation>
        </message>
        <message>
            <source>Date of death</source>
            <translation>死亡日期</translation>
        </message>
        <message>
            <source>Transfer-out date</source>
            <translation>转出日期</translation>
        </message>
        <message>
            <source>Transfer-in date</source>
            <translation>转入日期</translation>
        </message>
        <message>
            <source>Dues paid up to</source>
            <translation>党费已交至</translation>
        </message>
        <message>
            <source>Report date</source>
            <translation>报到日期</translation>
        </message>
        <message>
            <source>Visit date</source>
            <translation>走访日期</translation>
        </message>
        <message>
            <source>Urban grid</source>
            <translation>城市网格</translation>
        </message>
        <message>
            <source>Rural grid</source>
            <translation>农村网格</translation>
        </message>
        <message>
            <source>Dedicated grid</source>
            <translation>专属网格</translation>
        </message>
        <message>
            <source>Party and government organs</source>
            <translation>党政机关</translation>
        </message>
        <message>
            <source>Hospital</source>
            <translation>医院</translation>
        </message>
        <message>
            <source>School</source>
            <translation>学校</translation>
        </message>
        <message>
            <source>Enterprise</source>
            <translation>企业</translation>
        </message>
        <message>
            <source>Industrial park</source>
            <translation>园区</translation>
        </message>
        <message>
            <source>Business district</source>
            <translation>商圈</translation>
        </message>
        <message>
            <source>Market</source>
            <translation>市场</translation>
        </message>
        <message>
            <source>Scenic area</source>
            <translation>景区</translation>
        </message>
        <message>
            <source>Other</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Grid leader</source>
            <translation>网格长</translation>
        </message>
        <message>
            <source>Full-time grid worker</source>
            <translation>专职网格员</translation>
        </message>
        <message>
            <source>Part-time grid worker</source>
            <translation>兼职网格员</translation>
        </message>
        <message>
            <source>Building head</source>
            <translation>楼栋长</translation>
        </message>
        <message>
            <source>Volunteer</source>
            <translation>志愿者</translation>
        </message>
        <message>
            <source>Residential building</source>
            <translation>住宅</translation>
        </message>
        <message>
            <source>Single-storey courtyard</source>
            <translation>平房院落</translation>
        </message>
        <message>
            <source>Apartment building</source>
            <translation>公寓</translation>
        </message>
        <message>
            <source>Commercial-residential building</source>
            <translation>商住</translation>
        </message>
        <message>
            <source>Owner-occupied</source>
            <translation>自住</translation>
        </message>
        <message>
            <source>Rented out</source>
            <translation>出租</translation>
        </message>
        <message>
            <source>Commercial use</source>
            <translation>商用</translation>
        </message>
        <message>
            <source>Vacant</source>
            <translation>空置</translation>
        </message>
        <message>
            <source>To be checked</source>
            <translation>待查房</translation>
        </message>
        <message>
            <source>Family household</source>
            <translation>家庭户</translation>
        </message>
        <message>
            <source>Collective household</source>
            <translation>集体户</translation>
        </message>
        <message>
            <source>Head of household</source>
            <translation>户主</translation>
        </message>
        <message>
            <source>Spouse</source>
            <translation>配偶</translation>
        </message>
        <message>
            <source>Husband</source>
            <translation>夫</translation>
        </message>
        <message>
            <source>Wife</source>
            <translation>妻</translation>
        </message>
        <message>
            <source>Son</source>
            <translation>子</translation>
        </message>
        <message>
            <source>Only son</source>
            <translation>独生子</translation>
        </message>
        <message>
            <source>Eldest son</source>
            <translation>长子</translation>
        </message>
        <message>
            <source>Second son</source>
            <translation>次子</translation>
        </message>
        <message>
            <source>Third son</source>
            <translation>三子</translation>
        </message>
        <message>
            <source>Fourth son</source>
            <translation>四子</translation>
        </message>
        <message>
            <source>Fifth son</source>
            <translation>五子</translation>
        </message>
        <message>
            <source>Adopted son or stepson</source>
            <translation>养子或继子</translation>
        </message>
        <message>
            <source>Son-in-law</source>
            <translation>女婿</translation>
        </message>
        <message>
            <source>Other son</source>
            <translation>其他儿子</translation>
        </message>
        <message>
            <source>Daughter</source>
            <translation>女</translation>
        </message>
        <message>
            <source>Only daughter</source>
            <translation>独生女</translation>
        </message>
        <message>
            <source>Eldest daughter</source>
            <translation>长女</translation>
        </message>
        <message>
            <source>Second daughter</source>
            <translation>次女</translation>
        </message>
        <message>
            <source>Third daughter</source>
            <translation>三女</translation>
        </message>
        <message>
            <source>Fourth daughter</source>
            <translation>四女</translation>
        </message>
        <message>
            <source>Fifth daughter</source>
            <translation>五女</translation>
        </message>
        <message>
            <source>Adopted daughter or stepdaughter</source>
            <translation>养女或继女</translation>
        </message>
        <message>
            <source>Daughter-in-law</source>
            <translation>儿媳</translation>
        </message>
        <message>
            <source>Other daughter</source>
            <translation>其他女儿</translation>
        </message>
        <message>
            <source>Grandchild</source>
            <translation>孙子、孙女或外孙子、外孙女</translation>
        </message>
        <message>
            <source>Grandson (son's son)</source>
            <translation>孙子</translation>
        </message>
        <message>
            <source>Granddaughter (son's daughter)</source>
            <translation>孙女</translation>
        </message>
        <message>
            <source>Grandson (daughter's son)</source>
            <translation>外孙子</translation>
        </message>
        <message>
            <source>Granddaughter (daughter's daughter)</source>
            <translation>外孙女</translation>
        </message>
        <message>
            <source>Grandson's wife</source>
            <translation>孙媳妇或外孙媳妇</translation>
        </message>
        <message>
            <source>Granddaughter's husband</source>
            <translation>孙女婿或外孙女婿</translation>
        </message>
        <message>
            <source>Great-grandson</source>
            <translation>曾孙子或外曾孙子</translation>
        </message>
        <message>
            <source>Great-granddaughter</source>
            <translation>曾孙女或外曾孙女</translation>
        </message>
        <message>
            <source>Other grandchild</source>
            <translation>其他孙子、孙女或外孙子、外孙女</translation>
        </message>
        <message>
            <source>Parent</source>
            <translation>父母</translation>
        </message>
        <message>
            <source>Father</source>
            <translation>父亲</translation>
        </message>
        <message>
            <source>Mother</source>
            <translation>母亲</translation>
        </message>
        <message>
            <source>Father-in-law (husband's father)</source>
            <translation>公公</translation>
        </message>
        <message>
            <source>Mother-in-law (husband's mother)</source>
            <translation>婆婆</translation>
        </message>
        <message>
            <source>Father-in-law (wife's father)</source>
            <translation>岳父</translation>
        </message>
        <message>
            <source>Mother-in-law (wife's mother)</source>
            <translation>岳母</translation>
        </message>
        <message>
            <source>Stepfather or adoptive father</source>
            <translation>继父或养父</translation>
        </message>
        <message>
            <source>Stepmother or adoptive mother</source>
            <translation>继母或养母</translation>
        </message>
        <message>
            <source>Other parent</source>
            <translation>其他父母关系</translation>
        </message>
        <message>
            <source>Grandparent</source>
            <translation>祖父母或外祖父母</translation>
        </message>
        <message>
            <source>Paternal grandfather</source>
            <translation>祖父</translation>
        </message>
        <message>
            <source>Paternal grandmother</source>
            <translation>祖母</translation>
        </message>
        <message>
            <source>Maternal grandfather</source>
            <translation>外祖父</translation>
        </message>
        <message>
            <source>Maternal grandmother</source>
            <translation>外祖母</translation>
        </message>
        <message>
            <source>Spouse's grandparent</source>
            <translation>配偶的祖父母或外祖父母</translation>
        </message>
        <message>
            <source>Great-grandfather</source>
            <translation>曾祖父</translation>
        </message>
        <message>
            <source>Great-grandmother</source>
            <translation>曾祖母</translation>
        </message>
        <message>
            <source>Spouse's great-grandparent</source>
            <translation>配偶的曾祖父母或外曾祖父母</translation>
        </message>
        <message>
            <source>Other grandparent</source>
            <translation>其他祖父母或外祖父母关系</translation>
        </message>
        <message>
            <source>Sibling</source>
            <translation>兄弟姐妹</translation>
        </message>
        <message>
            <source>Elder brother</source>
            <translation>兄</translation>
        </message>
        <message>
            <source>Elder brother's wife</source>
            <translation>嫂</translation>
        </message>
        <message>
            <source>Younger brother</source>
            <translation>弟</translation>
        </message>
        <message>
            <source>Younger brother's wife</source>
            <translation>弟媳</translation>
        </message>
        <message>
            <source>Elder sister</source>
            <translation>姐姐</translation>
        </message>
        <message>
            <source>Elder sister's husband</source>
            <translation>姐夫</translation>
        </message>
        <message>
            <source>Younger sister</source>
            <translation>妹妹</translation>
        </message>
        <message>
            <source>Younger sister's husband</source>
            <translation>妹夫</translation>
        </message>
        <message>
            <source>Other sibling</source>
            <translation>其他兄弟姐妹</translation>
        </message>
        <message>
            <source>Other relationship</source>
            <translation>其他</translation>
        </message>
        <message>
            <source>Father's elder brother</source>
            <translation>伯父</translation>
        </message>
        <message>
            <source>Wife of father's elder brother</source>
            <translation>伯母</translation>
        </message>
        <message>
            <source>Father's younger brother</source>
            <translation>叔父</translation>
        </message>
        <message>
            <source>Wife of father's younger brother</source>
            <translation>婶母</translation>
        </message>
        <message>
            <source>Mother's brother</source>
            <translation>舅父</translation>
        </message>
        <message>
            <source>Wife of mother's brother</source>
            <translation>舅母</translation>
        </message>
        <message>
            <source>Husband of mother's sister</source>
            <translation>姨父</translation>
        </message>
        <message>
            <source>Mother's sister</source>
            <translation>姨母</translation>
        </message>
        <message>
            <source>Husband of father's sister</source>
            <translation>姑父</translation>
        </message>
        <message>
            <source>Father's sister</source>
            <translation>姑母</translation>
        </message>
        <message>
            <source>Paternal cousin</source>
            <translation>堂兄弟、堂姐妹</translation>
        </message>
        <message>
            <source>Cousin (maternal or through a father's sister)</source>
            <translation>表兄弟、表姐妹</translation>
        </message>
        <message>
            <source>Brother's son</source>
            <translation>侄子</translation>
        </message>
        <message>
            <source>Brother's daughter</source>
            <translation>侄女</translation>
        </message>
        <message>
            <source>Sister's son</source>
            <translation>外甥</translation>
        </message>
        <message>
            <source>Sister's daughter</source>
            <translation>外甥女</translation>
        </message>
        <message>
            <source>Other relative</source>
            <translation>其他亲属</translation>
        </message>
        <message>
            <source>Non-relative</source>
            <translation>非亲属</translation>
        </message>
        <message>
            <source>Unmarried</source>
            <translation>未婚</translation>
        </message>
        <message>
            <source>Married</source>
            <translation>已婚</translation>
        </message>
        <message>
            <source>First marriage</source>
            <translation>初婚</translation>
        </message>
        <message>
            <source>Remarried</source>
            <translation>再婚</translation>
        </message>
        <message>
            <source>Remarried to the former spouse</source>
            <translation>复婚</translation>
        </message>
        <message>
            <source>Widowed</source>
            <translation>丧偶</translation>
        </message>
        <message>
            <source>Divorced</source>
            <translation>离婚</translation>
        </message>
        <message>
            <source>Marital status not stated</source>
            <translation>未说明的婚姻状况</translation>
        </message>
        <message>
            <source>Registered population</source>
            <translation>户籍人口</translation>
        </message>
        <message>
            <source>Floating population</source>
            <translation>流动人口</translation>
        </message>
        <message>
            <source>Person from outside the mainland</source>
            <translation>境外人员</translation>
        </message>
        <message>
            <source>Person without household registration</source>
            <translation>未落户人员</translation>
        </message>
        <message>
            <source>Lives where registered</source>
            <translation>人户一致</translation>
        </message>
        <message>
            <source>Lives here, registered elsewhere</source>
            <translation>人在户不在</translation>
        </message>
        <message>
            <source>Registered here, lives elsewhere</source>
            <translation>户在人不在</translation>
        </message>
        <message>
            <source>Work</source>
            <translation>务工</translation>
        </message>
        <message>
            <source>Business</source>
            <translation>经商</translation>
        </message>
        <message>
            <source>Study</source>
            <translation>就学</translation>
        </message>
        <message>
            <source>Joining relatives</source>
            <translation>投亲</translation>
        </message>
        <message>
            <source>Subsistence allowance household</source>
            <translation>低保户</translation>
        </message>
        <message>
            <source>Person in extreme poverty</source>
            <translation>特困人员</translation>
        </message>
        <message>
            <source>Low-income family</source>
            <translation>低收入家庭</translation>
        </message>
        <message>
            <source>Person with disability</source>
            <translation>残疾人</translation>
        </message>
        <message>
            <source>Elderly person living alone</source>
            <translation>独居老人</translation>
        </message>
        <message>
            <source>Empty-nest elderly</source>
            <translation>空巢老人</translation>
        </message>
        <message>
            <source>Person aged 80 or over</source>
            <translation>高龄老人</translation>
        </message>
        <message>
            <source>Family that lost its only child</source>
            <translation>失独家庭</translation>
        </message>
        <message>
            <source>Left-behind child</source>
            <translation>留守儿童</translation>
        </message>
        <message>
            <source>Child in difficulty</source>
            <translation>困境儿童</translation>
        </message>
        <message>
            <source>Veteran</source>
            <translation>退役军人</translation>
        </message>
        <message>
            <source>Entitled to special care</source>
            <translation>优抚对象</translation>
        </message>
        <message>
            <source>Visual disability</source>
            <translation>视力残疾</translation>
        </message>
        <message>
            <source>Hearing disability</source>
            <translation>听力残疾</translation>
        </message>
        <message>
            <source>Speech disability</source>
            <translation>言语残疾</translation>
        </message>
        <message>
            <source>Physical disability</source>
            <translation>肢体残疾</translation>
        </message>
        <message>
            <source>Intellectual disability</source>
            <translation>智力残疾</translation>
        </message>
        <message>
            <source>Mental disability</source>
            <translation>精神残疾</translation>
        </message>
        <message>
            <source>Multiple disabilities</source>
            <translation>多重残疾</translation>
        </message>
        <message>
            <source>Disability grade 1</source>
            <translation>一级</translation>
        </message>
        <message>
            <source>Disability grade 2</source>
            <translation>二级</translation>
        </message>
        <message>
            <source>Disability grade 3</source>
            <translation>三级</translation>
        </message>
        <message>
            <source>Disability grade 4</source>
            <translation>四级</translation>
        </message>
        <message>
            <source>Released prisoner</source>
            <translation>刑满释放人员</translation>
        </message>
        <message>
            <source>Person under community correction</source>
            <translation>社区矫正人员</translation>
        </message>
        <message>
            <source>Drug user</source>
            <translation>吸毒人员</translation>
        </message>
        <message>
            <source>Patient with a severe mental disorder</source>
            <translation>严重精神障碍患者</translation>
        </message>
        <message>
            <source>Youth needing attention</source>
            <translation>重点青少年</translation>
        </message>
        <message>
            <source>Petitioner needing attention</source>
            <translation>重点上访人员</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Building number</source>
            <translation>楼号</translation>
        </message>
        <message>
            <source>Estate</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>房号</translation>
        </message>
        <message>
            <source>Owner</source>
            <translation>产权人</translation>
        </message>
        <message>
            <source>Household number</source>
            <translation>户号</translation>
        </message>
        <message>
            <source>Registered address</source>
            <translation>户籍地址</translation>
        </message>
        <message>
            <source>Work unit or school</source>
            <translation>工作单位或学校</translation>
        </message>
        <message>
            <source>Guardian</source>
            <translation>监护人</translation>
        </message>
        <message>
            <source>Grid type</source>
            <translation>网格类型</translation>
        </message>
        <message>
            <source>Team role</source>
            <translation>岗位</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>House use</source>
            <translation>房屋用途</translation>
        </message>
        <message>
            <source>Household kind</source>
            <translation>户别</translation>
        </message>
        <message>
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <source>Tag</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>证件号码</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>Political status</source>
            <translation>政治面貌</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>学历</translation>
        </message>
        <message>
            <source>Marital status</source>
            <translation>婚姻状况</translation>
        </message>
        <message>
            <source>Population type</source>
            <translation>人口类型</translation>
        </message>
        <message>
            <source>Residence status</source>
            <translation>人户状态</translation>
        </message>
        <message>
            <source>Reason for moving in</source>
            <translation>迁入原因</translation>
        </message>
        <message>
            <source>Degree</source>
            <translation>学位</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>Membership</source>
            <translation>正式/预备</translation>
        </message>
        <message>
            <source>Unit type</source>
            <translation>单位性质</translation>
        </message>
        <message>
            <source>Report type</source>
            <translation>报到类型</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党员类别</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>积分事项</translation>
        </message>
        <message>
            <source>Wished posts</source>
            <translation>意向岗位</translation>
        </message>
        <message>
            <source>Party status</source>
            <translation>党员状态</translation>
        </message>
        <message>
            <source>Pass mark</source>
            <translation>合格分数线</translation>
        </message>
        <message>
            <source>Excellent mark</source>
            <translation>优秀分数线</translation>
        </message>
        <message>
            <source>Re-registration</source>
            <translation>重新报到周期</translation>
        </message>
        <message>
            <source>Native place</source>
            <translation>籍贯</translation>
        </message>
        <message>
            <source>Party post</source>
            <translation>党内职务</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Unit party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>居住地址</translation>
        </message>
        <message>
            <source>Name of the entry</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>What is offered</source>
            <translation>资源内容</translation>
        </message>
        <message>
            <source>Provider</source>
            <translation>提供方</translation>
        </message>
        <message>
            <source>Details</source>
            <translation>详细说明</translation>
        </message>
        <message>
            <source>Capacity</source>
            <translation>数量/能力</translation>
        </message>
        <message>
            <source>When available</source>
            <translation>服务时间</translation>
        </message>
        <message>
            <source>Contact person</source>
            <translation>联系人</translation>
        </message>
        <message>
            <source>Standard</source>
            <translation>服务标准</translation>
        </message>
        <message>
            <source>Person responsible</source>
            <translation>责任人</translation>
        </message>
        <message>
            <source>Dates</source>
            <translation>起止日期</translation>
        </message>
        <message>
            <source>Co-building agreement</source>
            <translation>共建协议</translation>
        </message>
        <message>
            <source>Remark</source>
            <translation>意见</translation>
        </message>
        <message>
            <source>Destination</source>
            <translation>外出去向</translation>
        </message>
        <message>
            <source>Contact while away</source>
            <translation>外出期间联系方式</translation>
        </message>
        <message>
            <source>Meeting type</source>
            <translation>会议类型</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>身份</translation>
        </message>
        <message>
            <source>Presence</source>
            <translation>出席情况</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Voting method</source>
            <translation>表决方式</translation>
        </message>
        <message>
            <source>Vote base</source>
            <translation>表决基数</translation>
        </message>
        <message>
            <source>Number expected</source>
            <translation>应到人数</translation>
        </message>
        <message>
            <source>Number present</source>
            <translation>实到人数</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>开始时间</translation>
        </message>
        <message>
            <source>End</source>
            <translation>结束时间</translation>
        </message>
        <message>
            <source>Place</source>
            <translation>地点</translation>
        </message>
        <message>
            <source>Host</source>
            <translation>主持人</translation>
        </message>
        <message>
            <source>Recorder</source>
            <translation>记录人</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Session</source>
            <translation>期数</translation>
        </message>
        <message>
            <source>Organisation</source>
            <translation>党组织</translation>
        </message>
        <message>
            <source>Content</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>所在网格</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Resident council</source>
            <translation>居民议事会</translation>
        </message>
        <message>
            <source>Branch general meeting</source>
            <translation>支部党员大会</translation>
        </message>
        <message>
            <source>Branch committee meeting</source>
            <translation>支委会</translation>
        </message>
        <message>
            <source>Party group meeting</source>
            <translation>党小组会</translation>
        </message>
        <message>
            <source>Party lecture</source>
            <translation>党课</translation>
        </message>
        <message>
            <source>Theme party day</source>
            <translation>主题党日</translation>
        </message>
        <message>
            <source>Joint party-building meeting</source>
            <translation>党建联席会议</translation>
        </message>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Not started</source>
            <translation>未开始</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Finished</source>
            <translation>已结束</translation>
        </message>
        <message>
            <source>Cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <source>Community committees</source>
            <translation>社区两委</translation>
        </message>
        <message>
            <source>Resident representative</source>
            <translation>居民代表</translation>
        </message>
        <message>
            <source>Party member representative</source>
            <translation>党员代表</translation>
        </message>
        <message>
            <source>Party congress delegate</source>
            <translation>党代表</translation>
        </message>
        <message>
            <source>People's congress deputy</source>
            <translation>人大代表</translation>
        </message>
        <message>
            <source>CPPCC member</source>
            <translation>政协委员</translation>
        </message>
        <message>
            <source>Community police officer</source>
            <translation>社区民警</translation>
        </message>
        <message>
            <source>Property management</source>
            <translation>物业</translation>
        </message>
        <message>
            <source>Owners' committee</source>
            <translation>业委会</translation>
        </message>
        <message>
            <source>Resident unit</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Grid worker</source>
            <translation>网格员</translation>
        </message>
        <message>
            <source>Party member</source>
            <translation>党员</translation>
        </message>
        <message>
            <source>Resident</source>
            <translation>居民</translation>
        </message>
        <message>
            <source>Present</source>
            <translation>出席</translation>
        </message>
        <message>
            <source>On leave</source>
            <translation>请假</translation>
        </message>
        <message>
            <source>Absent</source>
            <translation>缺席</translation>
        </message>
        <message>
            <source>Observer</source>
            <translation>列席</translation>
        </message>
        <message>
            <source>Typed name</source>
            <translation>手工录入</translation>
        </message>
        <message>
            <source>Raised by residents</source>
            <translation>居民提出</translation>
        </message>
        <message>
            <source>Collected by grid workers</source>
            <translation>网格员收集</translation>
        </message>
        <message>
            <source>Raised by the committees</source>
            <translation>两委提出</translation>
        </message>
        <message>
            <source>Resident units</source>
            <translation>驻区单位</translation>
        </message>
        <message>
            <source>Show of hands</source>
            <translation>举手表决</translation>
        </message>
        <message>
            <source>Secret ballot</source>
            <translation>无记名投票</translation>
        </message>
        <message>
            <source>Passed</source>
            <translation>通过</translation>
        </message>
        <message>
            <source>Not passed</source>
            <translation>未通过</translation>
        </message>
        <message>
            <source>Deferred</source>
            <translation>暂缓</translation>
        </message>
        <message>
            <source>To do</source>
            <translation>待办</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>已完成</translation>
        </message>
        <message>
            <source>Overdue</source>
            <translation>逾期</translation>
        </message>
        <message>
            <source>Signed sign-in sheet</source>
            <translation>签到表（已签字）</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Scan</source>
            <translation>扫描件</translation>
        </message>
        <message>
            <source>Those present</source>
            <translation>实到人数</translation>
        </message>
        <message>
            <source>Those expected</source>
            <translation>应到人数</translation>
        </message>
        <message>
            <source>Party or government body</source>
            <translation>党政机关</translation>
        </message>
        <message>
            <source>Public institution</source>
            <translation>事业单位</translation>
        </message>
        <message>
            <source>State-owned enterprise</source>
            <translation>国有企业</translation>
        </message>
        <message>
            <source>Non-public enterprise</source>
            <translation>非公企业</translation>
        </message>
        <message>
            <source>Social organisation</source>
            <translation>社会组织</translation>
        </message>
        <message>
            <source>Property management company</source>
            <translation>物业服务企业</translation>
        </message>
        <message>
            <source>Individual</source>
            <translation>个人报到</translation>
        </message>
        <message>
            <source>Party organisation</source>
            <translation>党组织报到</translation>
        </message>
        <message>
            <source>Awaiting review</source>
            <translation>待审核</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>已通过</translation>
        </message>
        <message>
            <source>Returned</source>
            <translation>已退回</translation>
        </message>
        <message>
            <source>Organisation building</source>
            <translation>组织建设</translation>
        </message>
        <message>
            <source>Legal advice and aid</source>
            <translation>法律咨询与援助</translation>
        </message>
        <message>
            <source>Help for the needy, disabled and jobless</source>
            <translation>助困扶残与就业援助</translation>
        </message>
        <message>
            <source>Community governance</source>
            <translation>社区治理</translation>
        </message>
        <message>
            <source>Health and medical care</source>
            <translation>健康医疗</translation>
        </message>
        <message>
            <source>Culture and sports</source>
            <translation>文化体育</translation>
        </message>
        <message>
            <source>Safety education and patrols</source>
            <translation>安全宣传与治安巡逻</translation>
        </message>
        <message>
            <source>Applied</source>
            <translation>申请中</translation>
        </message>
        <message>
            <source>Claimed</source>
            <translation>已认领</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>已退出</translation>
        </message>
        <message>
            <source>First registration</source>
            <translation>首次报到</translation>
        </message>
        <message>
            <source>Took part in an activity</source>
            <translation>参加活动</translation>
        </message>
        <message>
            <source>Post duty</source>
            <translation>岗位履职</translation>
        </message>
        <message>
            <source>Fulfilled a small wish</source>
            <translation>领办微心愿</translation>
        </message>
        <message>
            <source>Award</source>
            <translation>表彰</translation>
        </message>
        <message>
            <source>Unexcused absence</source>
            <translation>无故缺席</translation>
        </message>
        <message>
            <source>Correction</source>
            <translation>更正</translation>
        </message>
        <message>
            <source>Excellent</source>
            <translation>优秀</translation>
        </message>
        <message>
            <source>Pass</source>
            <translation>合格</translation>
        </message>
        <message>
            <source>Fail</source>
            <translation>不合格</translation>
        </message>
        <message>
            <source>Activity</source>
            <translation>活动</translation>
        </message>
        <message>
            <source>street office</source>
            <translation>街道</translation>
        </message>
        <message>
            <source>community office</source>
            <translation>社区</translation>
        </message>
        <message>
            <source>its own street office</source>
            <translation>本街道</translation>
        </message>
        <message>
            <source>the community offices of its street</source>
            <translation>本街道所辖社区</translation>
        </message>
        <message>
            <source>Login name</source>
            <translation>登录名</translation>
        </message>
        <message>
            <source>Real name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>Planned</source>
            <translation>筹备中</translation>
        </message>
        <message>
            <source>Running</source>
            <translation>进行中</translation>
        </message>
        <message>
            <source>Paused</source>
            <translation>已暂停</translation>
        </message>
        <message>
            <source>Agreement fulfilled</source>
            <translation>协议履行</translation>
        </message>
        <message>
            <source>Members' service</source>
            <translation>党员服务</translation>
        </message>
        <message>
            <source>Orders claimed and completed</source>
            <translation>领单办结</translation>
        </message>
        <message>
            <source>Residents' satisfaction</source>
            <translation>居民满意</translation>
        </message>
        <message>
            <source>Joint activities organised</source>
            <translation>共建活动</translation>
        </message>
        <message>
            <source>Contact and coordination</source>
            <translation>沟通协调</translation>
        </message>
        <message>
            <source>Service to residents</source>
            <translation>服务群众</translation>
        </message>
        <message>
            <source>Overall satisfaction</source>
            <translation>总体满意</translation>
        </message>
        <message>
            <source>The community rates the unit</source>
            <translation>社区评单位</translation>
        </message>
        <message>
            <source>The unit rates the community</source>
            <translation>单位评社区</translation>
        </message>
        <message>
            <source>Good</source>
            <translation>良好</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>一般</translation>
        </message>
        <message>
            <source>Poor</source>
            <translation>较差</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Cannot write to {path}: {reason}. Choose another folder or ask for write permission.</source>
            <translation>无法写入 {path}：{reason}。请选择其他文件夹，或申请写入权限。</translation>
        </message>
        <message>
            <source>The disk holding {path} is full. Free some space and try again.</source>
            <translation>{path} 所在的磁盘已满。请清理出空间后重试。</translation>
        </message>
        <message>
            <source>The disk is full ({detail}). Nothing was changed; free some space and try again.</source>
            <translation>磁盘已满（{detail}）。未做任何更改；请清理出一些空间后重试。</translation>
        </message>
        <message>
            <source>The database is in use by another program. Nothing was changed; close the other GridOffice window or command and try again.</source>
            <translation>数据库正被另一个程序使用。未做任何更改；请关闭另一个网格通窗口或命令后重试。</translation>
        </message>
        <message>
            <source>The database cannot be written: the file or its folder is read-only. Nothing was changed; ask for write permission or choose another data folder.</source>
            <translation>无法写入数据库：文件或所在文件夹是只读的。未做任何更改；请申请写入权限，或选择其他数据目录。</translation>
        </message>
        <message>
            <source>The database file cannot be opened (the folder is missing or not readable). Nothing was changed; check the data folder and its permissions.</source>
            <translation>无法打开数据库文件（文件夹不存在或无法读取）。未做任何更改；请检查数据目录及其权限。</translation>
        </message>
        <message>
            <source>Cannot write to {path}: the folder is not writable ({reason}). Choose another folder or ask for write permission.</source>
            <translation>无法写入 {path}：该文件夹不可写（{reason}）。请选择其他文件夹，或申请写入权限。</translation>
        </message>
        <message>
            <source>{path} is a folder. Give a file name to write to.</source>
            <translation>{path} 是一个文件夹。请指定要写入的文件名。</translation>
        </message>
        <message>
            <source>The folder {path} does not exist. Choose an existing folder.</source>
            <translation>文件夹 {path} 不存在。请选择一个已有的文件夹。</translation>
        </message>
        <message>
            <source>This street office already has {count} work units; demo data is only added to an empty office.</source>
            <translation>本街道已有 {count} 个工作单位；演示数据只能添加到空的单位中。</translation>
        </message>
        <message>
            <source>The data folder already holds data ({count} organisations). Demo data is only added to an empty data folder.</source>
            <translation>数据目录中已有数据（{count} 个党组织）。演示数据只能加入空的数据目录。</translation>
        </message>
        <message>
            <source>Office name: enter the name of this office.</source>
            <translation>单位名称：请填写本单位名称。</translation>
        </message>
        <message>
            <source>Street office: enter the name of the street office.</source>
            <translation>所属街道：请填写街道名称。</translation>
        </message>
        <message>
            <source>Role: choose community office or street office.</source>
            <translation>单位类型：请选择社区或街道。</translation>
        </message>
        <message>
            <source>Operator: enter your name.</source>
            <translation>经办人：请填写您的姓名。</translation>
        </message>
        <message>
            <source>Office name: at most {limit} characters.</source>
            <translation>单位名称：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>Street office: at most {limit} characters.</source>
            <translation>所属街道：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>Operator: at most {limit} characters.</source>
            <translation>经办人：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>Language: {value} is not available.</source>
            <translation>界面语言：不支持 {value}。</translation>
        </message>
        <message>
            <source>This data folder is already set up for {name} ({role}); nothing was changed.</source>
            <translation>该数据目录已设置为 {name}（{role}）；未作任何改动。</translation>
        </message>
        <message>
            <source>This data folder already holds {count} records of another office; set up a new, empty data folder instead. Nothing was changed.</source>
            <translation>该数据目录中已有其他单位的 {count} 条记录；请改用一个新的空数据目录进行设置。未作任何改动。</translation>
        </message>
        <message>
            <source>PC label: at most {limit} characters.</source>
            <translation>电脑标识：最多 {limit} 个字符。</translation>
        </message>
        <message>
            <source>Name: enter the organisation's full name.</source>
            <translation>名称：请填写党组织全称。</translation>
        </message>
        <message>
            <source>Name: at most {limit} characters.</source>
            <translation>名称：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>Name: {parent} already has an organisation called {name}.</source>
            <translation>名称：{parent} 下已有名为 {name} 的党组织。</translation>
        </message>
        <message>
            <source>Type: {value} is not an organisation type.</source>
            <translation>类型：{value} 不是党组织类型。</translation>
        </message>
        <message>
            <source>Type: a {child} cannot be placed under a {parent}.</source>
            <translation>类型：{child}不能设在{parent}之下。</translation>
        </message>
        <message>
            <source>Type: a {child} cannot be a top-level organisation; choose its parent.</source>
            <translation>类型：{child}不能作为最上级党组织，请选择上级党组织。</translation>
        </message>
        <message>
            <source>Type: {name} has sub-organisations that a {child} cannot contain.</source>
            <translation>类型：{name} 的下级党组织不能隶属于{child}。</translation>
        </message>
        <message>
            <source>Parent: the chosen organisation no longer exists.</source>
            <translation>上级党组织：所选党组织已不存在。</translation>
        </message>
        <message>
            <source>Parent: {name} has been retired.</source>
            <translation>上级党组织：{name} 已撤销。</translation>
        </message>
        <message>
            <source>Parent: {name} cannot be moved under itself or one of its own sub-organisations.</source>
            <translation>上级党组织：{name} 不能移到自身或其下级党组织之下。</translation>
        </message>
        <message>
            <source>Established: the date {date} is in the future.</source>
            <translation>成立日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Retirement date: {date} is in the future.</source>
            <translation>撤销日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>From: the date {date} is in the future.</source>
            <translation>任职起始：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>To: the date {date} is in the future.</source>
            <translation>任职截止：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Term end: must be after the date established.</source>
            <translation>届满日期：必须晚于成立日期。</translation>
        </message>
        <message>
            <source>The organisation no longer exists.</source>
            <translation>该党组织已不存在。</translation>
        </message>
        <message>
            <source>{name} has been retired; restore it first.</source>
            <translation>{name} 已撤销，请先恢复。</translation>
        </message>
        <message>
            <source>{name} still has {count} active sub-organisations: move or retire them first.</source>
            <translation>{name} 仍有 {count} 个下级党组织，请先调整或撤销它们。</translation>
        </message>
        <message>
            <source>Retirement date: must not be before the date established ({date}).</source>
            <translation>撤销日期：不能早于成立日期（{date}）。</translation>
        </message>
        <message>
            <source>{name} is not retired.</source>
            <translation>{name} 未撤销。</translation>
        </message>
        <message>
            <source>Seat: {value} is not a committee seat.</source>
            <translation>职务：{value} 不是委员会职务。</translation>
        </message>
        <message>
            <source>Seat: a {org_type} has no {seat} seat.</source>
            <translation>职务：{org_type}不设{seat}。</translation>
        </message>
        <message>
            <source>Person: enter the name of who holds the seat.</source>
            <translation>任职人：请填写任职人姓名。</translation>
        </message>
        <message>
            <source>Unit: a part-time member holds the seat for a unit of the area; choose it.</source>
            <translation>单位：兼职委员代表一个驻区单位任职，请选择单位。</translation>
        </message>
        <message>
            <source>To: the end date is before the start date {date}.</source>
            <translation>任职截止：截止日期早于起始日期 {date}。</translation>
        </message>
        <message>
            <source>This seat already ended on {date}.</source>
            <translation>该职务已于 {date} 离任。</translation>
        </message>
        <message>
            <source>The seat record no longer exists.</source>
            <translation>该任职记录已不存在。</translation>
        </message>
        <message>
            <source>From: {person} held this seat until {date}; the new term must start after that.</source>
            <translation>任职起始：{person} 任该职务至 {date}，新任期须在此之后开始。</translation>
        </message>
        <message>
            <source>{person} now holds this seat; end that term first.</source>
            <translation>{person} 现任该职务，请先结束其任期。</translation>
        </message>
        <message>
            <source>{name} already has sub-organisations or seats and can only be retired.</source>
            <translation>{name} 已有下级党组织或任职记录，只能撤销。</translation>
        </message>
        <message>
            <source>{path} is not a GridOffice database. Choose another data folder; the file was not changed.</source>
            <translation>{path} 不是网格通的数据文件。请选择其他数据目录；该文件未被改动。</translation>
        </message>
        <message>
            <source>The database {path} is damaged ({detail}). Nothing was changed; restore a copy from {backups}.</source>
            <translation>数据文件 {path} 已损坏（{detail}）。未做任何改动；请从 {backups} 恢复备份。</translation>
        </message>
        <message>
            <source>The database {path} was written by a newer GridOffice (data version {found}; this program reads up to {supported}). Install the newer program; the file was not changed.</source>
            <translation>数据文件 {path} 由更新版本的网格通写入（数据版本 {found}；本程序最高支持 {supported}）。请安装新版程序；该文件未被改动。</translation>
        </message>
        <message>
            <source>The database {path} is in use by another program. Close the other GridOffice window or command and try again.</source>
            <translation>数据文件 {path} 正被其他程序使用。请关闭另一个网格通窗口或命令后重试。</translation>
        </message>
        <message>
            <source>The database {path} is an empty file (0 bytes): it is probably damaged. Nothing was changed and the file was kept; restore a backup copy of it, or move it away to start a new office.</source>
            <translation>数据库 {path} 是空文件（0 字节），可能已损坏。未做任何更改，文件已保留；请从备份恢复，或将它移走后重新建立办公室数据。</translation>
        </message>
        <message>
            <source>Updating the database {path} failed ({detail}). The data was left as it was; a copy is in {backup}.</source>
            <translation>升级数据文件 {path} 失败（{detail}）。数据保持原样；备份位于 {backup}。</translation>
        </message>
        <message>
            <source>{field}: {text} is not a valid date. Write it like 2021-06-30, 2021/6/30 or 2021年6月30日.</source>
            <translation>{field}：{text} 不是有效日期。请写成 2021-06-30、2021/6/30 或 2021年6月30日。</translation>
        </message>
        <message>
            <source>{field}: enter a date.</source>
            <translation>{field}：请填写日期。</translation>
        </message>
        <message>
            <source>Community: a community office needs --community NAME; a street office takes none.</source>
            <translation>社区：社区单位须用 --community 指定社区名称；街道单位不需要。</translation>
        </message>
        <message>
            <source>There is no open conflict {id}.</source>
            <translation>没有编号为 {id} 的未解决冲突。</translation>
        </message>
        <message>
            <source>Organisation: there is no organisation called {name}.</source>
            <extracomment>the tabs whose print menus list ledgers</extracomment>
            <translation>党组织：没有名为 {name} 的党组织。</translation>
        </message>
        <message>
            <source>--month: {text} is not one month; write it like 2026-07 or 2026年7月.</source>
            <extracomment>parameters sharing a group: exactly one of them is given the keys of the values that are passed to ``render`` as keyword arguments ``prepare(db, values) -&gt; values``: the command line's parameters read into what ``render`` takes (names looked up in the database); None: taken as they are parts joined with ":"; a part whose value is empty is left out parts of the suggested PDF name joined with "_"; a part whose value is empty is left out (``{today}`` is today's date) a grid worker's book of one grid (``grid_id``): full addresses for them</extracomment>
            <translation>--month：{text} 不是某一个月，请写成 2026-07 或 2026年7月。</translation>
        </message>
        <message>
            <source>Order: there is no order numbered {code}.</source>
            <translation>订单：没有编号为 {code} 的订单。</translation>
        </message>
        <message>
            <source>Order: {count} communities have an order numbered {code}; print it from the co-building tab.</source>
            <translation>订单：有 {count} 个社区的订单编号都是 {code}，请在“共驻共建”页中选中后打印。</translation>
        </message>
        <message>
            <source>ID number: enter the number.</source>
            <translation>证件号码：请输入号码。</translation>
        </message>
        <message>
            <source>ID number: {length} characters given; an ID number has 18 (old cards: 15).</source>
            <translation>证件号码：输入了 {length} 位；证件号码应为 18 位（旧证为 15 位）。</translation>
        </message>
        <message>
            <source>ID number: {char} at position {position} is not allowed; only digits, and X as the last character of an 18-character number.</source>
            <translation>证件号码：第 {position} 位的 {char} 无效；只能填数字，18 位号码的最后一位可以是 X。</translation>
        </message>
        <message>
            <source>ID number: it starts with {code}, which is not a province code.</source>
            <translation>证件号码：开头的 {code} 不是省级行政区划代码。</translation>
        </message>
        <message>
            <source>ID number: the birth date in it, {date}, does not exist.</source>
            <translation>证件号码：其中的出生日期 {date} 不存在。</translation>
        </message>
        <message>
            <source>ID number: the birth date in it, {date}, is before 1900.</source>
            <translation>证件号码：其中的出生日期 {date} 早于 1900 年。</translation>
        </message>
        <message>
            <source>ID number: the birth date in it, {date}, is in the future.</source>
            <translation>证件号码：其中的出生日期 {date} 晚于今天。</translation>
        </message>
        <message>
            <source>ID number: the check character should be {expected}, not {found}.</source>
            <translation>证件号码：校验码应为 {expected}，而不是 {found}。</translation>
        </message>
        <message>
            <source>ID number: {value} is the number of a {kind}, not of a {id_type}.</source>
            <translation>证件号码：{value} 是{kind}的号码，不是{id_type}的号码。</translation>
        </message>
        <message>
            <source>Birth date: {date} does not agree with the ID number, which gives {id_date}.</source>
            <translation>出生日期：{date} 与证件号码中的出生日期 {id_date} 不一致。</translation>
        </message>
        <message>
            <source>Sex: {sex} does not agree with the ID number, which gives {id_sex}.</source>
            <translation>性别：“{sex}”与证件号码显示的性别“{id_sex}”不一致。</translation>
        </message>
        <message>
            <source>{field}: {char} is not allowed in a phone number.</source>
            <translation>{field}：电话号码中不能有 {char}。</translation>
        </message>
        <message>
            <source>{field}: {value} is too short; a mobile number has 11 digits.</source>
            <translation>{field}：{value} 位数不足；手机号码为 11 位。</translation>
        </message>
        <message>
            <source>{field}: {value} is too long; a mobile number has 11 digits.</source>
            <translation>{field}：{value} 位数过多；手机号码为 11 位。</translation>
        </message>
        <message>
            <source>{field}: {value} is not a mobile number; the second digit must be 3 to 9.</source>
            <translation>{field}：{value} 不是手机号码；第二位应为 3 到 9。</translation>
        </message>
        <message>
            <source>{field}: {value} is not a landline number; write the area code and 7 or 8 digits, like 010-12345678.</source>
            <translation>{field}：{value} 不是固定电话号码；请填写区号和 7 位或 8 位号码，如 010-12345678。</translation>
        </message>
        <message>
            <source>{field}: {value} is neither a mobile number (11 digits starting with 1) nor a landline number (starting with 0); if there is no phone, enter 无.</source>
            <translation>{field}：{value} 既不是手机号码（以 1 开头的 11 位数字），也不是固定电话号码（以 0 开头）；没有电话请填“无”。</translation>
        </message>
        <message>
            <source>{field}: enter a name.</source>
            <translation>{field}：请输入姓名。</translation>
        </message>
        <message>
            <source>{field}: at most {limit} characters, not {length}.</source>
            <translation>{field}：最多 {limit} 个字，现有 {length} 个。</translation>
        </message>
        <message>
            <source>{field}: a name cannot contain the digit {char}.</source>
            <translation>{field}：姓名中不能有数字 {char}。</translation>
        </message>
        <message>
            <source>{field}: the character {char} ({code}) is not allowed in a name.</source>
            <translation>{field}：姓名中不能使用字符 {char}（{code}）。</translation>
        </message>
        <message>
            <source>{field}: the middle dot · separates the parts of a name; it cannot stand at the start or the end, or twice in a row.</source>
            <translation>{field}：间隔号“·”用于分隔姓名的各部分，不能在开头或结尾，也不能连用。</translation>
        </message>
        <message>
            <source>{field}: cannot read {value} as a date; write it like 1990-07-01 or 1990-07.</source>
            <translation>{field}：无法把 {value} 识别为日期；请写成 1990-07-01 或 1990-07 的形式。</translation>
        </message>
        <message>
            <source>{field}: the date {value} does not exist.</source>
            <translation>{field}：日期 {value} 不存在。</translation>
        </message>
        <message>
            <source>{field}: {value} has month {month}; months go from 1 to 12.</source>
            <translation>{field}：{value} 中的月份是 {month}；月份应为 1 到 12。</translation>
        </message>
        <message>
            <source>{field}: the year in {value} must be between {first} and {last}.</source>
            <translation>{field}：{value} 中的年份应在 {first} 到 {last} 之间。</translation>
        </message>
        <message>
            <source>Join date: {date} is in the future.</source>
            <translation>入党日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Join date: {date} is before the member's 18th birthday ({birthday}).</source>
            <translation>入党日期：{date} 早于年满十八周岁之日（{birthday}）。</translation>
        </message>
        <message>
            <source>Probation extension: {months} months is not possible; enter 0, or 6 to 12 months.</source>
            <translation>延长预备期：不能为 {months} 个月；请填 0，或 6 至 12 个月。</translation>
        </message>
        <message>
            <source>Full-membership date: {date} is before the end of probation ({due}).</source>
            <translation>转正日期：{date} 早于预备期满之日（{due}）。</translation>
        </message>
        <message>
            <source>The party member no longer exists.</source>
            <translation>该党员记录已不存在。</translation>
        </message>
        <message>
            <source>ID number: {name} is already registered with this ID number.</source>
            <translation>证件号码：{name} 已使用此证件号码登记。</translation>
        </message>
        <message>
            <source>Organisation: choose the branch this member belongs to.</source>
            <translation>所在党组织：请选择该党员所在的党支部。</translation>
        </message>
        <message>
            <source>Organisation: the chosen organisation no longer exists or was retired.</source>
            <translation>所在党组织：所选党组织已不存在或已撤销。</translation>
        </message>
        <message>
            <source>Unit party organisation: enter the party organisation of the work unit.</source>
            <translation>单位党组织：请填写工作单位的党组织。</translation>
        </message>
        <message>
            <source>The grid no longer exists.</source>
            <translation>该网格已不存在。</translation>
        </message>
        <message>
            <source>Code: the grid {name} already has this code.</source>
            <translation>网格编码：网格 {name} 已使用此编码。</translation>
        </message>
        <message>
            <source>Name: enter the grid's name.</source>
            <translation>名称：请填写网格名称。</translation>
        </message>
        <message>
            <source>The building no longer exists.</source>
            <translation>该楼栋已不存在。</translation>
        </message>
        <message>
            <source>Building: enter the building number.</source>
            <translation>楼栋：请填写楼号。</translation>
        </message>
        <message>
            <source>Building: {estate}{number} already exists in this grid.</source>
            <translation>楼栋：本网格已有 {estate}{number}。</translation>
        </message>
        <message>
            <source>The house no longer exists.</source>
            <translation>该房屋已不存在。</translation>
        </message>
        <message>
            <source>Room: unit {unit} room {room} already exists in this building.</source>
            <translation>房号：本楼已有 {unit} 单元 {room} 室。</translation>
        </message>
        <message>
            <source>The household no longer exists.</source>
            <translation>该户已不存在。</translation>
        </message>
        <message>
            <source>The resident no longer exists.</source>
            <translation>该居民记录已不存在。</translation>
        </message>
        <message>
            <source>Members: a household needs at least one member, its head.</source>
            <translation>成员：一户至少要有一名成员，即户主。</translation>
        </message>
        <message>
            <source>Relation to head: {name} is already the head of this household.</source>
            <translation>与户主关系：{name} 已是本户户主。</translation>
        </message>
        <message>
            <source>{name} is the head of the household; choose another head first.</source>
            <translation>{name} 是户主，请先指定新的户主。</translation>
        </message>
        <message>
            <source>Relation to head: use Change head to make someone else the head.</source>
            <translation>与户主关系：请用“变更户主”指定新的户主。</translation>
        </message>
        <message>
            <source>{name} no longer lives here ({reason}).</source>
            <translation>{name} 已不在此居住（{reason}）。</translation>
        </message>
        <message>
            <source>ID number: {name} with this ID number already lives at {address}.</source>
            <translation>证件号码：持此证件号码的 {name} 已登记居住在 {address}。</translation>
        </message>
        <message>
            <source>Visitor: enter who visited.</source>
            <translation>走访人：请填写走访人。</translation>
        </message>
        <message>
            <source>House: the household already lives there.</source>
            <translation>房屋：该户已住在此处。</translation>
        </message>
        <message>
            <source>Date: {date} is before {name} moved in ({since}).</source>
            <translation>日期：{date} 早于 {name} 的迁入日期（{since}）。</translation>
        </message>
        <message>
            <source>Choose two different residents to merge.</source>
            <translation>请选择两条不同的居民记录进行合并。</translation>
        </message>
        <message>
            <source>{field}: the two records differ ({first} / {second}); correct one of them first.</source>
            <translation>{field}：两条记录不一致（{first} / {second}），请先更正其中一条。</translation>
        </message>
        <message>
            <source>Sex: choose male or female.</source>
            <translation>性别：请选择男或女。</translation>
        </message>
        <message>
            <source>{field}: {value} is not in the list.</source>
            <translation>{field}：{value} 不在可选范围内。</translation>
        </message>
        <message>
            <source>Join date: enter the date of joining the Party.</source>
            <translation>入党日期：请填写入党日期。</translation>
        </message>
        <message>
            <source>Star rating: choose 1 to 5 stars, or none.</source>
            <translation>星级：请选择 1 至 5 星，或不评。</translation>
        </message>
        <message>
            <source>Destination: a mobile member needs a destination and the date they left.</source>
            <translation>外出去向：流动党员须填写外出去向和外出日期。</translation>
        </message>
        <message>
            <source>Full membership date: a probationary member has no full membership date yet.</source>
            <translation>转正日期：预备党员还没有转正日期。</translation>
        </message>
        <message>
            <source>{field}: at most {limit} characters.</source>
            <translation>{field}：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>{name} is already a full member.</source>
            <translation>{name} 已是正式党员。</translation>
        </message>
        <message>
            <source>{name} is no longer an active member here ({status}).</source>
            <translation>{name} 已不是本组织的在册党员（{status}）。</translation>
        </message>
        <message>
            <source>{name} is an active member; nothing to restore.</source>
            <translation>{name} 是在册党员，无需恢复。</translation>
        </message>
        <message>
            <source>Date: {date} is before {name} joined this organisation ({since}).</source>
            <translation>日期：{date} 早于 {name} 进入本组织的日期（{since}）。</translation>
        </message>
        <message>
            <source>Date: {date} is in the future.</source>
            <translation>日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>{name} already has a history here; the record can only be changed, not removed.</source>
            <translation>{name} 已有变更记录，只能修改，不能删除。</translation>
        </message>
        <message>
            <source>The transfer no longer exists.</source>
            <translation>该转接记录已不存在。</translation>
        </message>
        <message>
            <source>The transfer is already finished ({status}); start a new one if needed.</source>
            <translation>该转接已结束（{status}）；如需要请重新发起。</translation>
        </message>
        <message>
            <source>To: enter the organisation the member transfers to.</source>
            <translation>转往：请填写转入的党组织。</translation>
        </message>
        <message>
            <source>{name} already has a transfer in progress; finish or return it first.</source>
            <translation>{name} 已有正在办理的转接，请先办结或退回。</translation>
        </message>
        <message>
            <source>Status: a transfer cannot go from {old} to {new}.</source>
            <translation>状态：转接不能从“{old}”改为“{new}”。</translation>
        </message>
        <message>
            <source>Sheet {sheet} has no resident rows below the column titles.</source>
            <translation>工作表 {sheet} 的列标题下面没有居民数据行。</translation>
        </message>
        <message>
            <source>Columns: choose the column that holds the address (地址) or the building (楼号).</source>
            <translation>列：请选择填写地址（地址）或楼栋（楼号）的列。</translation>
        </message>
        <message>
            <source>Grid: there is no grid called {value}; write the grid's name or code.</source>
            <translation>网格：没有名为 {value} 的网格；请填写网格的名称或编码。</translation>
        </message>
        <message>
            <source>Grid: the office has several grids (or none yet); add a 网格 column with the grid's name or code.</source>
            <translation>网格：本社区有多个网格（或还没有网格）；请增加“网格”列，填写网格的名称或编码。</translation>
        </message>
        <message>
            <source>Address: write the address (like 幸福里3号楼2单元301 or 3-2-301) or the building number.</source>
            <translation>地址：请填写地址（如 幸福里3号楼2单元301 或 3-2-301）或楼号。</translation>
        </message>
        <message>
            <source>Address: the building {building} does not exist in the grid {grid}. Add the building first, or import with “create buildings”.</source>
            <translation>地址：网格 {grid} 中没有楼栋 {building}。请先添加该楼栋，或选择“新建楼栋”后导入。</translation>
        </message>
        <message>
            <source>Address: the grid {grid} has several buildings numbered {building}; write the estate (小区) too.</source>
            <translation>地址：网格 {grid} 中有多个楼号为 {building} 的楼栋；请同时填写小区。</translation>
        </message>
        <message>
            <source>Relation to head: write the relation, such as 户主, 配偶, 子 or 女.</source>
            <translation>与户主关系：请填写与户主关系，如 户主、配偶、子 或 女。</translation>
        </message>
        <message>
            <source>Relation to head: the household at {address} has no head (户主); exactly one member must be the head.</source>
            <translation>与户主关系：{address} 这一户没有户主；每户必须恰好有一名户主。</translation>
        </message>
        <message>
            <source>Relation to head: the household at {address} has {count} heads (户主); exactly one member must be the head.</source>
            <translation>与户主关系：{address} 这一户有 {count} 名户主；每户必须恰好有一名户主。</translation>
        </message>
        <message>
            <source>ID number: {name} lives in another household ({address}); the import would move {name} between households. Move the household in the program instead.</source>
            <translation>身份证号：{name} 住在另一户（{address}）；导入会把 {name} 从一户移到另一户。请在程序中办理整户迁移。</translation>
        </message>
        <message>
            <source>ID number: this number belongs to {name}, not to {value}. Check the ID number, or correct the name in the resident form.</source>
            <translation>身份证号：这个号码属于 {name}，不是 {value}。请核对身份证号，或在居民信息中更正姓名。</translation>
        </message>
        <message>
            <source>Relation to head: the import would make {name} the head or stop them being the head; use Change head in the program instead.</source>
            <translation>与户主关系：导入会让 {name} 成为户主或不再是户主；请在程序中使用“变更户主”。</translation>
        </message>
        <message>
            <source>Residents or households were changed after the file was checked; nothing was imported. Check the file again.</source>
            <translation>检查文件之后居民或住户信息有了变动；未导入任何数据。请重新检查文件。</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Estate</source>
            <translation>小区</translation>
        </message>
        <message>
            <source>Building</source>
            <translation>楼栋</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单元</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>房号</translation>
        </message>
        <message>
            <source>Household number</source>
            <translation>户号</translation>
        </message>
        <message>
            <source>Relation to head</source>
            <translation>与户主关系</translation>
        </message>
        <message>
            <source>Sex</source>
            <translation>性别</translation>
        </message>
        <message>
            <source>Ethnicity</source>
            <translation>民族</translation>
        </message>
        <message>
            <source>ID type</source>
            <translation>证件类型</translation>
        </message>
        <message>
            <source>Political status</source>
            <translation>政治面貌</translation>
        </message>
        <message>
            <source>Education</source>
            <translation>文化程度</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>党员类别</translation>
        </message>
        <message>
            <source>Native place</source>
            <translation>籍贯</translation>
        </message>
        <message>
            <source>The workbook has no sheet called {sheet}. Its sheets: {sheets}.</source>
            <translation>工作簿中没有名为 {sheet} 的工作表。现有工作表：{sheets}。</translation>
        </message>
        <message>
            <source>Party post</source>
            <translation>党内职务</translation>
        </message>
        <message>
            <source>Work unit</source>
            <translation>工作单位</translation>
        </message>
        <message>
            <source>Job</source>
            <translation>职务</translation>
        </message>
        <message>
            <source>Unit party organisation</source>
            <translation>单位党组织</translation>
        </message>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Marital status</source>
            <translation>婚姻状况</translation>
        </message>
        <message>
            <source>Hukou address</source>
            <translation>户籍地址</translation>
        </message>
        <message>
            <source>Population type</source>
            <translation>人口类型</translation>
        </message>
        <message>
            <source>Residence status</source>
            <translation>人户状态</translation>
        </message>
        <message>
            <source>Work unit or school</source>
            <translation>工作单位或学校</translation>
        </message>
        <message>
            <source>Move-in date</source>
            <translation>迁入日期</translation>
        </message>
        <message>
            <source>Reason for moving in</source>
            <translation>迁入原因</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>The file {path} does not exist.</source>
            <translation>文件 {path} 不存在。</translation>
        </message>
        <message>
            <source>Cannot read {path}: {reason}.</source>
            <translation>无法读取 {path}：{reason}。</translation>
        </message>
        <message>
            <source>{name} is not an Excel workbook. Open it in Excel or WPS and save it as an Excel workbook (.xlsx), then choose that file.</source>
            <translation>{name} 不是 Excel 工作簿。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）后再选择该文件。</translation>
        </message>
        <message>
            <source>{name} is password-protected, or in the old Excel 97-2003 format (.xls), which cannot be read. Open it in Excel or WPS and save it as an Excel workbook (.xlsx) without a password.</source>
            <translation>{name} 设有密码，或是旧的 Excel 97-2003 格式（.xls），无法读取。请用 Excel 或 WPS 打开，去掉密码后另存为 Excel 工作簿（.xlsx）。</translation>
        </message>
        <message>
            <source>{name} cannot be read; it seems damaged ({detail}). Open it in Excel or WPS and save it again as an Excel workbook (.xlsx).</source>
            <translation>无法读取 {name}，文件可能已损坏（{detail}）。请用 Excel 或 WPS 打开，重新另存为 Excel 工作簿（.xlsx）。</translation>
        </message>
        <message>
            <source>{name} is empty: no sheet holds any data.</source>
            <translation>{name} 是空的：没有任何工作表包含数据。</translation>
        </message>
        <message>
            <source>{name} is not read: it holds {count} parts, far more than an Excel workbook has. Open it in Excel or WPS, check it and save it again as an Excel workbook (.xlsx).</source>
            <translation>{name} 不予读取：其中有 {count} 个组成部分，远多于正常的 Excel 工作簿。请用 Excel 或 WPS 打开检查，另存为 Excel 工作簿（.xlsx）后再选择。</translation>
        </message>
        <message>
            <source>{name} is not read: unpacked it would take more than {limit} MB, far more than a sheet of 200,000 people. Split it into smaller files, or open it in Excel or WPS, check it and save it again.</source>
            <translation>{name} 不予读取：解压后将超过 {limit} MB，远大于 20 万人的表格。请拆分成几个较小的文件，或用 Excel 或 WPS 打开检查后重新保存。</translation>
        </message>
        <message>
            <source>{name} is not read: its part {part} unpacks to {ratio} times its size in the file, which no real sheet does (a file made to exhaust the computer's memory). Open it in Excel or WPS, check it and save it again.</source>
            <translation>{name} 不予读取：其中的 {part} 解压后是文件中大小的 {ratio} 倍，正常表格不会这样（这是专门用来耗尽电脑内存的文件）。请用 Excel 或 WPS 打开检查后重新保存。</translation>
        </message>
        <message>
            <source>{name} is not read: a cell holds more than {limit} characters, the most Excel allows in one cell. Open it in Excel or WPS, shorten that cell and save it again.</source>
            <translation>{name} 不予读取：有一个单元格超过 {limit} 个字符，这是 Excel 单个单元格的上限。请用 Excel 或 WPS 打开，缩短该单元格后重新保存。</translation>
        </message>
        <message>
            <source>Sheet {sheet} is not read: it has more than {limit} merged cell ranges. Unmerge the cells in Excel or WPS and save it again.</source>
            <translation>工作表 {sheet} 不予读取：合并单元格区域超过 {limit} 个。请在 Excel 或 WPS 中取消合并后重新保存。</translation>
        </message>
        <message>
            <source>{column}: the cell holds a formula whose result was never saved in the file, so its value cannot be read. Open the file in Excel or WPS and save it again, or type the value instead of the formula.</source>
            <translation>{column}：该单元格是公式，但文件中没有保存计算结果，无法读取其值。请用 Excel 或 WPS 打开后重新保存，或直接填写数值而不用公式。</translation>
        </message>
        <message>
            <source>The sheet {sheet} is hidden in the workbook, so it is not read. Show it in Excel or WPS and save the file again, or choose a visible sheet: {sheets}.</source>
            <translation>工作表 {sheet} 在工作簿中是隐藏的，不予读取。请在 Excel 或 WPS 中取消隐藏后重新保存，或选择一个可见的工作表：{sheets}。</translation>
        </message>
        <message>
            <source>The sheet {sheet} is empty.</source>
            <translation>工作表 {sheet} 是空的。</translation>
        </message>
        <message>
            <source>Sheet {sheet}: none of its first {rows} rows holds column titles such as 姓名 or 公民身份号码. Put the column titles in one row above the data.</source>
            <translation>工作表 {sheet}：前 {rows} 行中没有“姓名”“公民身份号码”等列标题。请在数据上方用一行写明列标题。</translation>
        </message>
        <message>
            <source>Sheet {sheet} has no member rows below the column titles.</source>
            <translation>工作表 {sheet} 的列标题下方没有党员数据。</translation>
        </message>
        <message>
            <source>Columns: choose the column that holds {column}.</source>
            <translation>列对应：请选择“{column}”所在的列。</translation>
        </message>
        <message>
            <source>Columns: the column {column} is chosen for two different fields.</source>
            <translation>列对应：{column} 列被同时用于两个不同的项目。</translation>
        </message>
        <message>
            <source>Columns: the sheet has no column {column}.</source>
            <translation>列对应：工作表中没有第 {column} 列。</translation>
        </message>
        <message>
            <source>{column}: {value} is not a known value; write one of {examples}.</source>
            <translation>{column}：无法识别“{value}”，请填写以下之一：{examples}。</translation>
        </message>
        <message>
            <source>{column}: there is no active organisation called {value}; write its full or short name as in the organisation tree.</source>
            <translation>{column}：没有名为“{value}”的现有党组织，请按组织树中的全称或简称填写。</translation>
        </message>
        <message>
            <source>{column}: {value} has been retired.</source>
            <translation>{column}：{value} 已撤销。</translation>
        </message>
        <message>
            <source>{column}: several organisations are called {value}; write the full name.</source>
            <translation>{column}：有多个党组织叫“{value}”，请填写全称。</translation>
        </message>
        <message>
            <source>{column}: Excel stored the ID number as a number and lost its last digits ({value}). Format the column as text and enter the number again.</source>
            <translation>{column}：Excel 把身份证号存成了数字，末几位已丢失（{value}）。请把该列设置为文本格式后重新输入号码。</translation>
        </message>
        <message>
            <source>{column}: {value} is masked (partly hidden with *). Import a file with the full numbers, such as an export made with the full numbers shown.</source>
            <translation>{column}：{value} 已脱敏（部分用 * 隐去）。请导入含完整号码的文件，例如显示完整号码时导出的文件。</translation>
        </message>
        <message>
            <source>{column}: the same ID number is also in row {rows}.</source>
            <translation>{column}：相同的身份证号还出现在第 {rows} 行。</translation>
        </message>
        <message>
            <source>{column}: the ID number in this row belongs to {name} on the roster, not to {value}. Check the ID number, or correct the name in the member form.</source>
            <translation>{column}：本行的身份证号在花名册中属于 {name}，而不是 {value}。请核对身份证号，或在党员信息表中更正姓名。</translation>
        </message>
        <message>
            <source>{column}: {name}, who has this ID number, is no longer an active member here ({status}). Bring them back with a transfer in or a restore, not with an import.</source>
            <translation>{column}：持此身份证号的 {name} 已不在本组织（{status}）。请通过组织关系转入或恢复党籍办理，不能通过导入恢复。</translation>
        </message>
        <message>
            <source>{column}: {value} may mean January or October. Write the date as text, like 1990-01 or 1990-10.</source>
            <translation>{column}：{value} 可能是 1 月，也可能是 10 月。请以文本形式填写日期，如 1990-01 或 1990-10。</translation>
        </message>
        <message>
            <source>The file still has {count} problems; nothing was imported. Correct the file and check it again.</source>
            <translation>文件中仍有 {count} 个问题，未导入任何数据。请修改文件后重新检查。</translation>
        </message>
        <message>
            <source>Members or organisations were changed after the file was checked; nothing was imported. Check the file again.</source>
            <translation>检查文件之后，党员或党组织信息又有变动，未导入任何数据。请重新检查文件。</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>姓名</translation>
        </message>
        <message>
            <source>ID number</source>
            <translation>身份证号</translation>
        </message>
        <message>
            <source>Birth date</source>
            <translation>出生日期</translation>
        </message>
        <message>
            <source>Join date</source>
            <translation>入党时间</translation>
        </message>
        <message>
            <source>Full membership date</source>
            <translation>转正时间</translation>
        </message>
        <message>
            <source>Full or probationary</source>
            <translation>正式/预备</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>联系电话</translation>
        </message>
        <message>
            <source>Branch</source>
            <translation>所在党支部</translation>
        </message>
        <message>
            <source>Work unit and job</source>
            <translation>工作单位及职务</translation>
        </message>
        <message>
            <source>Destination (mobile members)</source>
            <translation>流动去向（流动党员）</translation>
        </message>
        <message>
            <source>Date left (mobile members)</source>
            <translation>外出时间（流动党员）</translation>
        </message>
        <message>
            <source>Address: enter the address.</source>
            <translation>地址：请输入地址。</translation>
        </message>
        <message>
            <source>Address: cannot read {value}; write building, unit and room like 3-2-301 or 3号楼2单元301, with the estate name in front if needed.</source>
            <translation>地址：无法识别“{value}”；请按楼号、单元、房号填写，如 3-2-301 或 3号楼2单元301，需要时在前面加小区名称。</translation>
        </message>
        <message>
            <source>Grid code: enter the code.</source>
            <translation>网格编码：请输入编码。</translation>
        </message>
        <message>
            <source>Grid code: {char} at position {position} is not allowed; only digits.</source>
            <translation>网格编码：第 {position} 位的 {char} 无效；只能填数字。</translation>
        </message>
        <message>
            <source>Grid code: {length} digits given; a grid code has 15: the 12-digit statistical code of the community and a 3-digit serial number.</source>
            <translation>网格编码：输入了 {length} 位；网格编码应为 15 位，即 12 位社区统计用区划代码加 3 位顺序号。</translation>
        </message>
        <message>
            <source>Grid code: it starts with {code}, which is not a province code.</source>
            <translation>网格编码：开头的 {code} 不是省级行政区划代码。</translation>
        </message>
        <message>
            <source>Grid code: the serial number (the last 3 digits) must be 001 to 999, not 000.</source>
            <translation>网格编码：顺序号（最后 3 位）应为 001 至 999，不能为 000。</translation>
        </message>
        <message>
            <source>Relation to head: {code} is not a relation code.</source>
            <translation>与户主关系：{code} 不是有效的关系代码。</translation>
        </message>
        <message>
            <source>Relation to head: the household has no head; mark one member as head.</source>
            <translation>与户主关系：该户没有户主；请将一名成员设为户主。</translation>
        </message>
        <message>
            <source>Relation to head: {count} members are marked as head; a household has exactly one.</source>
            <translation>与户主关系：有 {count} 名成员被设为户主；每户只能有一名户主。</translation>
        </message>
        <message>
            <source>Care tag: {code} is not a care tag.</source>
            <translation>关爱标签：{code} 不是有效的关爱标签。</translation>
        </message>
        <message>
            <source>Care tag: {tag} is set from the birth date (age 80 or over); enter the birth date instead.</source>
            <translation>关爱标签：“{tag}”根据出生日期自动判定（80 周岁及以上）；请填写出生日期。</translation>
        </message>
        <message>
            <source>Care tag: {tag} is for children under 16; this resident is {age}.</source>
            <translation>关爱标签：“{tag}”仅适用于未满 16 周岁的儿童；该居民 {age} 周岁。</translation>
        </message>
        <message>
            <source>Care tag: {tag} is for children under 16; enter the birth date first.</source>
            <translation>关爱标签：“{tag}”仅适用于未满 16 周岁的儿童；请先填写出生日期。</translation>
        </message>
        <message>
            <source>Disability type: choose the type of disability.</source>
            <translation>残疾类别：请选择残疾类别。</translation>
        </message>
        <message>
            <source>Disability type: {code} is not a disability type.</source>
            <translation>残疾类别：{code} 不是有效的残疾类别。</translation>
        </message>
        <message>
            <source>Disability grade: choose the grade, 1 to 4.</source>
            <translation>残疾等级：请选择等级（一级至四级）。</translation>
        </message>
        <message>
            <source>Disability grade: {code} is not a grade; grades go from 1 to 4.</source>
            <translation>残疾等级：{code} 不是有效等级；等级为一级至四级。</translation>
        </message>
        <message>
            <source>Disability type: only the tag {disabled} has a type of disability.</source>
            <translation>残疾类别：只有“{disabled}”标签才填写残疾类别。</translation>
        </message>
        <message>
            <source>Disability grade: only the tag {disabled} has a grade of disability.</source>
            <translation>残疾等级：只有“{disabled}”标签才填写残疾等级。</translation>
        </message>
        <message>
            <source>Guardian note: the resident is under 14; record the guardian's consent (who gave it, and when) before adding care data.</source>
            <translation>监护人说明：该居民未满 14 周岁；登记关爱信息前，请记录监护人的同意（由谁同意、何时同意）。</translation>
        </message>
        <message>
            <source>Move-in date: {date} is in the future.</source>
            <translation>迁入日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Move-out date: {date} is in the future.</source>
            <translation>迁出日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Date of death: {date} is in the future.</source>
            <translation>死亡日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Move-in date: {date} is before the birth date ({birth}).</source>
            <translation>迁入日期：{date} 早于出生日期（{birth}）。</translation>
        </message>
        <message>
            <source>Move-out date: {date} is before the birth date ({birth}).</source>
            <translation>迁出日期：{date} 早于出生日期（{birth}）。</translation>
        </message>
        <message>
            <source>Date of death: {date} is before the birth date ({birth}).</source>
            <translation>死亡日期：{date} 早于出生日期（{birth}）。</translation>
        </message>
        <message>
            <source>Move-out date: {date} is before the move-in date ({move_in}).</source>
            <translation>迁出日期：{date} 早于迁入日期（{move_in}）。</translation>
        </message>
        <message>
            <source>Date of death: {date} is before the move-in date ({move_in}).</source>
            <translation>死亡日期：{date} 早于迁入日期（{move_in}）。</translation>
        </message>
        <message>
            <source>Move-out date: {date} is after the date of death ({died}).</source>
            <translation>迁出日期：{date} 晚于死亡日期（{died}）。</translation>
        </message>
        <message>
            <source>Grid: there is no grid with the code {code}.</source>
            <translation>网格：没有编码为 {code} 的网格。</translation>
        </message>
        <message>
            <source>Grid: {code} is a grid of several communities ({names}); name the community (--community NAME).</source>
            <translation>网格：{code} 是多个社区（{names}）的网格编码；请指明社区（--community 社区名称）。</translation>
        </message>
        <message>
            <source>Community: {name} is not an office known here ({known}).</source>
            <translation>社区：{name} 不是本机已知的单位（{known}）。</translation>
        </message>
        <message>
            <source>Building: the grid {grid} has no building {number}.</source>
            <translation>楼栋：{grid}没有楼栋 {number}。</translation>
        </message>
        <message>
            <source>Building: the grid {grid} has several buildings {number}; add the estate name.</source>
            <translation>楼栋：{grid}有多个楼栋 {number}，请加上小区名称。</translation>
        </message>
        <message>
            <source>Tag: {tag} is a restricted tag and is never printed on a list.</source>
            <translation>标签：{tag} 属于受限标签，不能打印名单。</translation>
        </message>
        <message>
            <source>The meeting no longer exists.</source>
            <translation>该会议已不存在。</translation>
        </message>
        <message>
            <source>The entry no longer exists.</source>
            <translation>该条目已不存在。</translation>
        </message>
        <message>
            <source>Work unit: enter the unit's name.</source>
            <translation>工作单位：请填写单位名称。</translation>
        </message>
        <message>
            <source>Work unit: {name} is already in the list.</source>
            <translation>工作单位：{name} 已在列表中。</translation>
        </message>
        <message>
            <source>Work unit: choose the member's work unit.</source>
            <translation>工作单位：请选择该党员的工作单位。</translation>
        </message>
        <message>
            <source>Co-building agreement: enter the date it was signed.</source>
            <translation>共建协议：请填写签订日期。</translation>
        </message>
        <message>
            <source>Co-building agreement: it ends ({until}) before it was signed ({signed}).</source>
            <translation>共建协议：到期日期（{until}）早于签订日期（{signed}）。</translation>
        </message>
        <message>
            <source>Name: enter the member's name.</source>
            <translation>姓名：请填写党员姓名。</translation>
        </message>
        <message>
            <source>Report date: {date} is in the future.</source>
            <translation>报到日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>{name} is already registered (card {code}); open that registration instead.</source>
            <translation>{name} 已报到（报到卡 {code}），请打开已有的报到登记。</translation>
        </message>
        <message>
            <source>Reason: say why the registration is returned.</source>
            <translation>理由：请说明退回的原因。</translation>
        </message>
        <message>
            <source>{name}'s registration is not approved yet ({status}).</source>
            <translation>{name} 的报到尚未审核通过（{status}）。</translation>
        </message>
        <message>
            <source>{name} left on {date}.</source>
            <translation>{name} 已于 {date} 退出报到。</translation>
        </message>
        <message>
            <source>Post: enter the post's name.</source>
            <translation>岗位：请填写岗位名称。</translation>
        </message>
        <message>
            <source>Quota: enter how many members the post takes (1 or more).</source>
            <translation>名额：请填写岗位名额（至少 1 人）。</translation>
        </message>
        <message>
            <source>Quota: {claimed} members already hold this post; the quota cannot be lower.</source>
            <translation>名额：已有 {claimed} 名党员认领该岗位，名额不能少于此数。</translation>
        </message>
        <message>
            <source>The post {post} is full: {claimed} of {quota} places are taken.</source>
            <translation>岗位“{post}”已满：{quota} 个名额已认领 {claimed} 个。</translation>
        </message>
        <message>
            <source>The post {post} is closed.</source>
            <translation>岗位“{post}”已关闭。</translation>
        </message>
        <message>
            <source>{name} has already claimed or applied for {post}.</source>
            <translation>{name} 已认领或申请了岗位“{post}”。</translation>
        </message>
        <message>
            <source>The claim is already {status}.</source>
            <translation>该认领已是“{status}”状态。</translation>
        </message>
        <message>
            <source>Activity: enter its name.</source>
            <translation>活动：请填写活动名称。</translation>
        </message>
        <message>
            <source>Post: a duty belongs to a post; choose one.</source>
            <translation>岗位：岗位履职须选择所属岗位。</translation>
        </message>
        <message>
            <source>Nobody registered matches {code}. Check the card, or type more digits.</source>
            <translation>没有与 {code} 对应的报到党员。请核对报到卡，或输入更多位数字。</translation>
        </message>
        <message>
            <source>{name} already checked in at {time}.</source>
            <translation>{name} 已于 {time} 签到。</translation>
        </message>
        <message>
            <source>{name} has not checked in to this activity; check in first.</source>
            <translation>{name} 尚未签到本次活动，请先签到。</translation>
        </message>
        <message>
            <source>Check-out: {out} is before the check-in at {in_}.</source>
            <translation>签退：{out} 早于签到时间 {in_}。</translation>
        </message>
        <message>
            <source>Hours: {hours} is not between 0 and 24 hours a day.</source>
            <translation>时长：{hours} 不在每天 0 到 24 小时之间。</translation>
        </message>
        <message>
            <source>Confirmed by: a service record is confirmed by the staff member on duty; set the operator's name in Settings.</source>
            <translation>确认人：服务记录须由值班工作人员确认，请在“设置”中填写经办人姓名。</translation>
        </message>
        <message>
            <source>Item: {item} points come from check-in and registration, not by hand.</source>
            <translation>积分事项：“{item}”积分来自签到和报到，不能手工录入。</translation>
        </message>
        <message>
            <source>Reason: say why the points are corrected.</source>
            <translation>理由：请说明更正积分的原因。</translation>
        </message>
        <message>
            <source>Points: a correction changes the points.</source>
            <translation>积分：更正须改变积分。</translation>
        </message>
        <message>
            <source>Period: {value} is not a period such as 2026, 2026H1, 2026Q3 or 2026-07.</source>
            <translation>期间：{value} 不是有效期间，例如 2026、2026H1、2026Q3 或 2026-07。</translation>
        </message>
        <message>
            <source>{field}: {value} is not allowed.</source>
            <translation>{field}：不允许 {value}。</translation>
        </message>
        <message>
            <source>Start: enter when the meeting starts.</source>
            <translation>开始时间：请填写会议开始时间。</translation>
        </message>
        <message>
            <source>End: {end} is not after the start {start}.</source>
            <translation>结束时间：{end} 不晚于开始时间 {start}。</translation>
        </message>
        <message>
            <source>End: the meeting would last more than a day.</source>
            <translation>结束时间：会议时长超过一天。</translation>
        </message>
        <message>
            <source>Session: {value} is not a positive number.</source>
            <translation>期数：{value} 不是正整数。</translation>
        </message>
        <message>
            <source>Session: session {number} of this type already exists ({date}).</source>
            <translation>期数：该类会议第 {number} 期已存在（{date}）。</translation>
        </message>
        <message>
            <source>{field}: a count cannot be negative.</source>
            <translation>{field}：人数不能为负数。</translation>
        </message>
        <message>
            <source>Present: {present} is more than the {expected} expected.</source>
            <translation>实到人数：{present} 人多于应到的 {expected} 人。</translation>
        </message>
        <message>
            <source>Expected: this meeting has a list of attendees; the counts come from it.</source>
            <translation>应到人数：本次会议已有参会人员名单，人数按名单自动统计。</translation>
        </message>
        <message>
            <source>The minutes were approved on {date}. Give a reason: the change is then recorded as an amendment.</source>
            <translation>会议记录已于 {date} 审定。请填写修改理由，修改将作为修正记录保存。</translation>
        </message>
        <message>
            <source>The meeting was cancelled.</source>
            <translation>该会议已取消。</translation>
        </message>
        <message>
            <source>Reason: enter why the meeting is cancelled.</source>
            <translation>理由：请填写取消会议的原因。</translation>
        </message>
        <message>
            <source>The minutes are approved; an approved meeting cannot be cancelled.</source>
            <translation>会议记录已审定，已审定的会议不能取消。</translation>
        </message>
        <message>
            <source>Name: enter the attendee's name.</source>
            <translation>姓名：请填写参会人员姓名。</translation>
        </message>
        <message>
            <source>Name: {name} is already on the list.</source>
            <translation>姓名：{name} 已在名单中。</translation>
        </message>
        <message>
            <source>Absence reason: {name} is marked {presence}; enter the reason.</source>
            <translation>缺席原因：{name} 标记为{presence}，请填写原因。</translation>
        </message>
        <message>
            <source>Presence: {present} would be present, but a resolution already has {votes} votes. Correct the votes first.</source>
            <translation>出席情况：修改后实到 {present} 人，但已有决议的票数为 {votes} 票，请先更正表决票数。</translation>
        </message>
        <message>
            <source>Title: enter the agenda item.</source>
            <translation>议题：请填写议题名称。</translation>
        </message>
        <message>
            <source>Speaker: enter who spoke.</source>
            <translation>发言人：请填写发言人。</translation>
        </message>
        <message>
            <source>Resolution: enter what was decided.</source>
            <translation>决议：请填写决议内容。</translation>
        </message>
        <message>
            <source>Votes: a number of votes cannot be negative.</source>
            <translation>表决：票数不能为负数。</translation>
        </message>
        <message>
            <source>Votes: {votes} votes (yes {yes}, no {no}, abstain {abstain}) is more than the {present} present.</source>
            <translation>表决：共 {votes} 票（同意 {yes}、反对 {no}、弃权 {abstain}），多于实到的 {present} 人。</translation>
        </message>
        <message>
            <source>Task: enter what is to be done.</source>
            <translation>落实事项：请填写需要落实的事项。</translation>
        </message>
        <message>
            <source>Owner: enter the person or unit responsible.</source>
            <translation>责任人：请填写责任人或责任单位。</translation>
        </message>
        <message>
            <source>Due date: {date} is before the meeting ({meeting}).</source>
            <translation>完成时限：{date} 早于会议日期（{meeting}）。</translation>
        </message>
        <message>
            <source>Done on: enter the date it was done.</source>
            <translation>完成日期：请填写完成日期。</translation>
        </message>
        <message>
            <source>Done on: {date} is before the meeting ({meeting}).</source>
            <translation>完成日期：{date} 早于会议日期（{meeting}）。</translation>
        </message>
        <message>
            <source>Done on: {date} is in the future.</source>
            <translation>完成日期：{date} 晚于今天。</translation>
        </message>
        <message>
            <source>Only the minutes of a finished meeting can be approved; this one is {status}.</source>
            <translation>只有已结束会议的记录才能审定，本次会议状态为：{status}。</translation>
        </message>
        <message>
            <source>{count} attendees are not marked yet: mark each as present, on leave, absent or observer before approving.</source>
            <translation>还有 {count} 名参会人员未签到：审定前请逐一标记为出席、请假、缺席或列席。</translation>
        </message>
        <message>
            <source>The minutes were already approved on {date}.</source>
            <translation>会议记录已于 {date} 审定。</translation>
        </message>
        <message>
            <source>Attachment: {name} is {size} MB; the largest allowed is {limit} MB.</source>
            <translation>附件：{name} 大小为 {size} MB，最大允许 {limit} MB。</translation>
        </message>
        <message>
            <source>Attachment: {name} is not an image (JPEG, PNG …) or a PDF.</source>
            <translation>附件：{name} 不是图片（JPEG、PNG 等）或 PDF 文件。</translation>
        </message>
        <message>
            <source>Attachment: {name} is empty.</source>
            <translation>附件：{name} 是空文件。</translation>
        </message>
        <message>
            <source>Attachment: {name} cannot be read: {reason}.</source>
            <translation>附件：无法读取 {name}：{reason}。</translation>
        </message>
        <message>
            <source>Meeting: there is no meeting {ref}.</source>
            <translation>会议：没有编号为 {ref} 的会议。</translation>
        </message>
        <message>
            <source>Meeting: {ref} matches {count} meetings; give the full number.</source>
            <translation>会议：{ref} 对应 {count} 次会议，请填写完整编号。</translation>
        </message>
        <message>
            <source>Meeting: there is no resident council on {date}.</source>
            <translation>会议：{date} 没有居民议事会。</translation>
        </message>
        <message>
            <source>Council day: {value} is not a day from 1 to 28.</source>
            <translation>议事日：{value} 不在 1 到 28 之间。</translation>
        </message>
        <message>
            <source>Work unit: there is no work unit called {name}.</source>
            <translation>工作单位：不存在名为“{name}”的工作单位。</translation>
        </message>
        <message>
            <source>Person: pick the member or resident on file, or tick "Not on file" and type the details.</source>
            <translation>人员：请选择已登记的党员或居民，或勾选“未登记”并填写信息。</translation>
        </message>
        <message>
            <source>Member: pick one from the list.</source>
            <translation>党员：请从列表中选择。</translation>
        </message>
        <message>
            <source>{path} is not a GridOffice identity file, or it was changed after it was made.</source>
            <translation>{path} 不是网格通身份文件，或生成后被改动过。</translation>
        </message>
        <message>
            <source>The package {path} cannot be read: {reason}.</source>
            <translation>无法读取同步包 {path}：{reason}。</translation>
        </message>
        <message>
            <source>The package {path} is larger than any real package; it was not opened.</source>
            <translation>同步包 {path} 大小异常，超出正常范围，未打开。</translation>
        </message>
        <message>
            <source>The package {path} is damaged or incomplete (copied only in part?). Ask for it again; nothing was changed.</source>
            <translation>同步包 {path} 已损坏或不完整（可能只复制了一部分）。请重新索取；数据未作任何改动。</translation>
        </message>
        <message>
            <source>{path} is not a GridOffice sync package; nothing was changed.</source>
            <translation>{path} 不是网格通同步包；数据未作任何改动。</translation>
        </message>
        <message>
            <source>The package {path} was made by a newer GridOffice. Upgrade this program, then import it again; the file was kept and nothing was changed.</source>
            <translation>同步包 {path} 由更新版本的网格通生成。请先升级本程序再导入；文件已保留，数据未作任何改动。</translation>
        </message>
        <message>
            <source>The package {path} comes from an office this PC does not trust ({sender}). Exchange identity files with that office first; nothing was changed.</source>
            <translation>同步包 {path} 来自本机未信任的单位（{sender}）。请先与该单位交换身份文件；数据未作任何改动。</translation>
        </message>
        <message>
            <source>The package {path} is addressed to another office or PC ({recipient}), not to this one; nothing was changed.</source>
            <translation>同步包 {path} 是发给另一单位或另一台电脑（{recipient}）的，不是本机；数据未作任何改动。</translation>
        </message>
        <message>
            <source>The package {path} was not signed by {sender}'s key: it was altered or forged. It was not imported; nothing was changed.</source>
            <translation>同步包 {path} 不是由 {sender} 的密钥签名的：已被篡改或伪造。未导入，数据未作任何改动。</translation>
        </message>
        <message>
            <source>This PC's office is not set up yet: run the setup first (gridoffice-cli setup, or start the program).</source>
            <translation>本机尚未设置单位：请先进行设置（gridoffice-cli setup，或启动程序）。</translation>
        </message>
        <message>
            <source>{path} is this PC's own identity file; give it to the other office and trust theirs.</source>
            <translation>{path} 是本机自己的身份文件；请把它交给对方单位，并信任对方的身份文件。</translation>
        </message>
        <message>
            <source>{name} is a {role} of {street}; this PC ({own}) exchanges packages only with {expected}. Nothing was changed.</source>
            <translation>{name} 是{street}的{role}；本机（{own}）只与{expected}交换同步包。未作任何改动。</translation>
        </message>
        <message>
            <source>{name} is already trusted with other keys (fingerprint {old}, now {new}). If that PC was replaced, it needs a new identity; nothing was changed.</source>
            <translation>{name} 已按另一组密钥信任（指纹 {old}，现为 {new}）。如该电脑已更换，须生成新的身份；未作任何改动。</translation>
        </message>
        <message>
            <source>{path} cannot be read: {reason}.</source>
            <translation>无法读取 {path}：{reason}。</translation>
        </message>
        <message>
            <source>The package's rows are not in the form this program expects ({problem}); nothing was changed.</source>
            <translation>同步包中的数据格式与本程序不符（{problem}）；未作任何改动。</translation>
        </message>
        <message>
            <source>The package carries {count} records that belong to another office ({table}); a package may only carry its sender's records. Nothing was changed.</source>
            <translation>该同步包中有 {count} 条记录属于其他单位（{table}）；同步包只能携带发送方自己的记录。未作任何更改。</translation>
        </message>
        <message>
            <source>This PC trusts no {expected} yet: exchange identity files first (sync identity / sync trust).</source>
            <translation>本机尚未信任{expected}：请先交换身份文件（sync identity / sync trust）。</translation>
        </message>
        <message>
            <source>{name} is not an office this PC exchanges packages with. Trusted: {known}.</source>
            <translation>{name}不是与本机交换同步包的单位。已信任：{known}。</translation>
        </message>
        <message>
            <source>{count} packages are due ({names}); give a folder, not a file name.</source>
            <translation>需要写出 {count} 个同步包（{names}）；请指定文件夹，而不是文件名。</translation>
        </message>
        <message>
            <source>The package {path} was made by a newer GridOffice (data version {theirs}, this program reads up to {ours}). Upgrade this program, then import it again; the file was kept and nothing was changed.</source>
            <translation>同步包 {path} 由更新版本的网格通生成（数据版本 {theirs}，本程序最高支持 {ours}）。请先升级本程序再导入；文件已保留，未作任何更改。</translation>
        </message>
        <message>
            <source>The package {path} claims to be package {sequence} of {sender}, but a different package {sequence} of that PC was imported before. Its data were probably restored from a backup or copied to another PC; nothing was changed. Ask the street office before importing more from it.</source>
            <translation>同步包 {path} 自称是{sender}的第 {sequence} 号包，但此前已导入过该电脑另一个不同的第 {sequence} 号包。对方数据可能是从备份恢复或复制到了另一台电脑；未作任何更改。继续导入该电脑的同步包前，请先与街道联系。</translation>
        </message>
        <message>
            <source>The package {path} refers to records that are neither in it nor here ({table}); it is incomplete. Nothing was changed; ask for a new package.</source>
            <translation>同步包 {path} 引用了既不在包内也不在本机的记录（{table}），内容不完整。未作任何更改；请对方重新导出。</translation>
        </message>
        <message>
            <source>This record belongs to {office}; it is changed there, not at the street office.</source>
            <translation>此记录属于{office}，应在该社区修改，街道不能修改。</translation>
        </message>
        <message>
            <source>This conflict was resolved meanwhile (here or on another PC).</source>
            <translation>此冲突已被解决（在本机或其他电脑上）。</translation>
        </message>
        <message>
            <source>{field} is not a field of this record.</source>
            <translation>{field}不是此记录的字段。</translation>
        </message>
        <message>
            <source>The database {path} is read-only: nothing can be saved, exported or printed (each is recorded in it). Make the file and its folder writable, or ask for permission.</source>
            <translation>数据库 {path} 是只读的：无法保存、导出或打印（每次操作都要记入数据库）。请让该文件及其所在文件夹可写，或请管理员开通写入权限。</translation>
        </message>
        <message>
            <source>This record belongs to another office and is changed there (it reaches this PC by sync); nothing was changed.</source>
            <translation>此记录属于其他单位，只能在该单位修改（通过同步到达本机）；未作任何更改。</translation>
        </message>
        <message>
            <source>{field}: {text} cannot be read as a date. Write dates like 2026-10-01, 2026/10/1 or 2026年10月1日, separated by commas; a run of days like 2026年10月1日至7日.</source>
            <translation>{field}：无法识别日期“{text}”。请写成 2026-10-01、2026/10/1 或 2026年10月1日，多个日期用逗号或顿号隔开；连续几天可写成 2026年10月1日至7日。</translation>
        </message>
        <message>
            <source>{value} is not a date; write it as 2026-11-01, 2026/11/01, 2026.11.1 or 2026年11月1日.</source>
            <translation>{value} 不是有效日期，请写成 2026-11-01、2026/11/01、2026.11.1 或 2026年11月1日。</translation>
        </message>
        <message>
            <source>{value} is not a year; write four digits (YYYY), e.g. 2026.</source>
            <translation>{value} 不是有效年份，请写四位数字（YYYY），如 2026。</translation>
        </message>
        <message>
            <source>{value} is not a period; write a year, half, quarter or month: 2026, 2026H1, 2026Q3, 2026-07 or 2026年7月.</source>
            <translation>{value} 不是有效期间，请写年、半年、季度或月：2026、2026H1、2026Q3、2026-07 或 2026年7月。</translation>
        </message>
        <message>
            <source>{name} does not end in {suffix}; this command writes a {suffix} file. Name it …{suffix}, or leave out the extension and {suffix} is added.</source>
            <translation>{name} 的扩展名不是 {suffix}，本命令生成的是 {suffix} 文件。请用 {suffix} 结尾的文件名，或不写扩展名（会自动加上 {suffix}）。</translation>
        </message>
        <message>
            <source>The data folder {folder} is not set up for an office; nothing was written to it. Set it up first: gridoffice-cli --data-dir {folder} setup --role community --street STREET --community COMMUNITY (a street office: --role street --street STREET), or start GridOffice and fill in its first form.</source>
            <extracomment>a catalogue parameter's ``kind``: how the command line checks and converts it</extracomment>
            <translation>数据目录 {folder} 尚未设置本单位，未写入任何内容。请先设置：gridoffice-cli --data-dir {folder} setup --role community --street 街道名称 --community 社区名称（街道用 --role street --street 街道名称），或打开网格通，填写首次启动时的设置。</translation>
        </message>
        <message>
            <source>Grid: there is no grid {grid}; the grids are: {grids}.</source>
            <translation>网格：没有“{grid}”这个网格；现有网格：{grids}。</translation>
        </message>
        <message>
            <source>Grid: there is no grid {grid}; the nearest of the {count} grids: {grids}.</source>
            <translation>网格：没有“{grid}”这个网格；{count} 个网格中最接近的是：{grids}。</translation>
        </message>
        <message>
            <source>Grid: there is no grid {grid}; no grid has been set up yet.</source>
            <translation>网格：没有“{grid}”这个网格；还没有建立任何网格。</translation>
        </message>
        <message>
            <source>Tag: {tag} is not a care tag; the care tags are: {tags}.</source>
            <translation>标签：{tag} 不是关爱对象类别；可打印的类别有：{tags}。</translation>
        </message>
        <message>
            <source>{path} is inside the program's data folder {folder}, which holds the database, its backups, keys and logs; nothing was written. Save the file in another folder, e.g. Documents.</source>
            <translation>{path} 位于本程序的数据文件夹 {folder} 内，那里存放着数据库、备份、密钥和日志；未写入任何文件。请把文件保存到其他文件夹，例如“文档”。</translation>
        </message>
        <message>
            <source>{field}: contains a control or text-direction character ({code}) that cannot be stored; retype the text without it. Nothing was changed.</source>
            <translation>{field}：含有无法保存的控制字符或文字方向字符（{code}）；请去掉该字符后重新输入。未做任何更改。</translation>
        </message>
        <message>
            <source>The audit log was changed: entry {seq} was edited outside the program.</source>
            <translation>审计日志被改动：第 {seq} 条在程序之外被修改。</translation>
        </message>
        <message>
            <source>The audit log was changed: an entry before entry {seq} was removed outside the program.</source>
            <translation>审计日志被改动：第 {seq} 条之前有条目在程序之外被删除。</translation>
        </message>
        <message>
            <source>The audit log was changed: the entries from number {seq} on were removed outside the program.</source>
            <translation>审计日志被改动：从第 {seq} 条起的条目在程序之外被删除。</translation>
        </message>
        <message>
            <source>Not allowed for your account ({role}): {permission}. Nothing was changed.</source>
            <extracomment>The permission matrix: what each role may do. Control tags are never given by a role: an account of a role in CONTROL_TAG_ROLES may be granted them. Roles that see only some grids (their own) and what lives there.</extracomment>
            <translation>当前账户（{role}）无此权限：{permission}。未作任何更改。</translation>
        </message>
        <message>
            <source>Not allowed for your account ({role}): the record is outside your grids. Nothing was changed.</source>
            <translation>当前账户（{role}）无此权限：该记录不在您负责的网格内。未作任何更改。</translation>
        </message>
        <message>
            <source>Not allowed for your account ({role}): the record belongs to a community outside your communities. Nothing was changed.</source>
            <translation>您的账户（{role}）无权操作：该记录属于您负责的社区以外的社区。未做任何更改。</translation>
        </message>
        <message>
            <source>Login name: enter a login name.</source>
            <translation>登录名：请输入登录名。</translation>
        </message>
        <message>
            <source>Login name: 2 to {limit} characters without spaces.</source>
            <translation>登录名：2 至 {limit} 个字符，不能含空格。</translation>
        </message>
        <message>
            <source>Login name: {login} is already taken (accounts are never deleted; enable the old one instead). Nothing was changed.</source>
            <translation>登录名：{login} 已被使用（账户不会被删除，可重新启用原账户）。未作任何更改。</translation>
        </message>
        <message>
            <source>Real name: at most {limit} characters.</source>
            <translation>姓名：最多 {limit} 个字符。</translation>
        </message>
        <message>
            <source>Password: at least {limit} characters.</source>
            <translation>密码：至少 {limit} 个字符。</translation>
        </message>
        <message>
            <source>Password: at most {limit} characters.</source>
            <translation>密码：最多 {limit} 个字符。</translation>
        </message>
        <message>
            <source>Password: the two entries differ; type the same password twice.</source>
            <translation>密码：两次输入不一致，请输入相同的密码。</translation>
        </message>
        <message>
            <source>Role: {value} is not a role.</source>
            <translation>角色：{value} 不是有效的角色。</translation>
        </message>
        <message>
            <source>Grids: a grid worker needs at least one grid.</source>
            <translation>网格：网格员至少要负责一个网格。</translation>
        </message>
        <message>
            <source>Grids: {value} is not a grid of this office.</source>
            <translation>网格：{value} 不是本社区的网格。</translation>
        </message>
        <message>
            <source>Role: the first account of an office must be the administrator.</source>
            <translation>角色：第一个账户必须是管理员。</translation>
        </message>
        <message>
            <source>Login name: there is no account {login}.</source>
            <translation>登录名：没有账户 {login}。</translation>
        </message>
        <message>
            <source>Wrong login name or password.</source>
            <translation>登录名或密码错误。</translation>
        </message>
        <message>
            <source>Wrong login name or password; {left} more wrong tries lock the account for {minutes} minutes.</source>
            <translation>登录名或密码错误；再错 {left} 次，账户将被锁定 {minutes} 分钟。</translation>
        </message>
        <message>
            <source>The account {login} is locked after {tries} wrong passwords; try again after {until}.</source>
            <translation>账户 {login} 因连续 {tries} 次密码错误已被锁定，请在 {until} 之后再试。</translation>
        </message>
        <message>
            <source>The account {login} is disabled; ask the administrator.</source>
            <translation>账户 {login} 已停用，请联系管理员。</translation>
        </message>
        <message>
            <source>You cannot disable your own account or take away its administrator role.</source>
            <translation>不能停用自己的账户，也不能取消自己的管理员角色。</translation>
        </message>
        <message>
            <source>The office needs an administrator: the last one cannot be disabled or given another role.</source>
            <translation>本单位至少要有一名管理员：最后一名管理员不能停用或改为其他角色。</translation>
        </message>
        <message>
            <source>Current password: wrong. Nothing was changed.</source>
            <translation>当前密码：不正确。未作任何更改。</translation>
        </message>
        <message>
            <source>Administrator: {login} is not an administrator's login name of this office.</source>
            <translation>管理员：{login} 不是本单位管理员的登录名。</translation>
        </message>
        <message>
            <source>Accounts are managed by the administrator: sign in as the administrator.</source>
            <translation>账户由管理员管理：请以管理员身份登录。</translation>
        </message>
        <message>
            <source>New password: the same as the current one; choose another.</source>
            <translation>新密码：与当前密码相同，请另选一个。</translation>
        </message>
        <message>
            <source>Reason: this output shows more than the masked numbers and addresses; give the reason (e.g. 入户走访 or 上报街道). Nothing was written.</source>
            <translation>事由：本次输出超出部分隐去的号码和地址，请填写事由（如 入户走访、上报街道）。未写入任何内容。</translation>
        </message>
        <message>
            <source>Reason: at most {max} characters. Nothing was written.</source>
            <translation>事由：最多 {max} 个字。未写入任何内容。</translation>
        </message>
        <message>
            <source>This office has accounts: sign in with --user before the command ({example}; the password from $GRIDOFFICE_PASSWORD or typed when asked). Nothing was done.</source>
            <extracomment>the password of the account given by ``--user`` (and, without ``--user``, the new password of ``user add`` / ``user passwd``) the new password of ``user add`` / ``user passwd`` when ``--user`` signs someone in the current password for ``user passwd`` of one's own account without ``--user``</extracomment>
            <translation>本单位已设账户：请在命令前用 --user 登录（{example}；密码取自 $GRIDOFFICE_PASSWORD，或在提示时输入）。未执行任何操作。</translation>
        </message>
        <message>
            <source>--user: this data folder has no accounts yet; leave out --user, or add the administrator first: {example}.</source>
            <translation>--user：此数据目录尚未设置账户；请去掉 --user，或先添加管理员：{example}。</translation>
        </message>
        <message>
            <source>Password: none was given; set $GRIDOFFICE_PASSWORD or type it when asked. Nothing was changed.</source>
            <translation>密码：未提供密码；请设置 $GRIDOFFICE_PASSWORD，或在提示时输入。未作任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} has no readable manifest ({manifest}): it is incomplete or damaged and cannot be restored; nothing was changed.</source>
            <translation>备份 {file} 没有可读取的清单（{manifest}）：备份不完整或已损坏，无法恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} does not match its manifest ({what} differs): it was changed or damaged after it was written and cannot be restored; nothing was changed.</source>
            <translation>备份 {file} 与其清单不符（{what} 不一致）：写入后被改动或已损坏，无法恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} is damaged ({detail}) and cannot be restored; nothing was changed.</source>
            <translation>备份 {file} 已损坏（{detail}），无法恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>{file} is not a GridOffice backup; nothing was changed.</source>
            <translation>{file} 不是网格通的备份；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} was written by a newer GridOffice (data version {found}; this program reads up to {supported}). Install the newer program to restore it; nothing was changed.</source>
            <translation>备份 {file} 由较新版本的网格通写入（数据版本 {found}；本程序最高可读 {supported}）。请安装新版程序后再恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} does not exist; nothing was changed.</source>
            <translation>备份 {file} 不存在；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup copy of {path} failed its check ({detail}); it was removed. The database may be damaged: run the integrity check.</source>
            <translation>{path} 的备份副本未通过校验（{detail}），已删除。数据库可能已损坏，请运行完整性检查。</translation>
        </message>
        <message>
            <source>The backup was made in {folder}, but could not be copied to the second folder {second} ({reason}). Connect the drive or choose another folder in Settings.</source>
            <translation>备份已保存在 {folder}，但未能复制到第二备份位置 {second}（{reason}）。请连接该存储设备，或在设置中另选文件夹。</translation>
        </message>
        <message>
            <source>The backup {file} is encrypted: sign in to the office whose data it is to check or restore it; nothing was changed.</source>
            <translation>备份 {file} 已加密：请登录该数据所属单位的账户后再检查或恢复；未做任何更改。</translation>
        </message>
        <message>
            <source>The backup {file} is encrypted with another key than this office's data (a backup of another office or PC, or damaged): it cannot be opened here; nothing was changed.</source>
            <translation>备份 {file} 的加密密钥与本单位数据的不同（其他单位或其他电脑的备份，或已损坏），无法在此打开；未做任何更改。</translation>
        </message>
        <message>
            <source>Backup kind: {kind} is not one of {kinds}.</source>
            <translation>备份类型：{kind} 不在 {kinds} 之中。</translation>
        </message>
        <message>
            <source>Recovery key: enter the key printed on the recovery-key sheet.</source>
            <extracomment>Crockford's base32 digits, value 0 to 31 the check symbols, value 0 to 36: the digits and five more what a person may type for a digit: Crockford's decoding rules</extracomment>
            <translation>恢复密钥：请输入“数据恢复密钥”纸上印的密钥。</translation>
        </message>
        <message>
            <source>Recovery key: it has {length} characters; a recovery key has {expected} (8 groups of 4 and a check character).</source>
            <translation>恢复密钥：输入了 {length} 个字符，恢复密钥应为 {expected} 个（8 组每组 4 个，再加 1 个校验字符）。</translation>
        </message>
        <message>
            <source>Recovery key: the character {char} (group {group}, character {index}) does not occur in a recovery key.</source>
            <translation>恢复密钥：第 {group} 组第 {index} 个字符“{char}”不会出现在恢复密钥中。</translation>
        </message>
        <message>
            <source>Recovery key: the check character does not match, so a character is mistyped. Compare the key with the printed sheet group by group.</source>
            <translation>恢复密钥：校验字符不符，说明有字符输错。请对照打印的密钥纸逐组核对。</translation>
        </message>
        <message>
            <source>Encrypting the data file {path} failed ({detail}). The data was left as it was, unencrypted; a copy is in {backup}.</source>
            <translation>加密数据文件 {path} 失败（{detail}）。数据保持原样、未加密；副本在 {backup}。</translation>
        </message>
        <message>
            <source>The data file {path} is in use by another GridOffice window or command, so it cannot be encrypted now. Close the others and start again; nothing was changed.</source>
            <translation>数据文件 {path} 正被另一个网格通窗口或命令使用，现在无法加密。请关闭其他窗口或命令后重新启动；未做任何更改。</translation>
        </message>
        <message>
            <source>The data in {path} is not encrypted (a folder without accounts): it has no recovery key.</source>
            <translation>{path} 中的数据未加密（未设置账户的数据文件夹），没有恢复密钥。</translation>
        </message>
        <message>
            <source>The data file {path} is encrypted: sign in with your account (or use the recovery key) to open it.</source>
            <translation>数据文件 {path} 已加密：请用您的账户登录（或使用恢复密钥）后打开。</translation>
        </message>
        <message>
            <source>The data file {path} cannot be opened with the key that was unlocked (the key file beside it belongs to other data?). Nothing was changed; use the recovery key of this data.</source>
            <translation>无法用已解锁的密钥打开数据文件 {path}（旁边的密钥文件属于其他数据？）。未做任何更改；请使用这份数据的恢复密钥。</translation>
        </message>
        <message>
            <source>The key file {path} is damaged ({detail}). Nothing was changed; open the data with the recovery key (gridoffice-cli unlock --recovery-key), which writes a new one.</source>
            <translation>密钥文件 {path} 已损坏（{detail}）。未做任何更改；请用恢复密钥打开数据（gridoffice-cli unlock --recovery-key），将重新写出密钥文件。</translation>
        </message>
        <message>
            <source>The data file {path} is encrypted, but its key file {keys} is missing. Nothing was changed; open the data with the recovery key (gridoffice-cli unlock --recovery-key), which writes a new key file.</source>
            <translation>数据文件 {path} 已加密，但缺少其密钥文件 {keys}。未做任何更改；请用恢复密钥打开数据（gridoffice-cli unlock --recovery-key），将重新写出密钥文件。</translation>
        </message>
        <message>
            <source>Recovery key: this key does not open the data in {path} (a sheet of another office, or an older sheet replaced by a newer one). Nothing was changed.</source>
            <translation>恢复密钥：此密钥打不开 {path} 中的数据（其他单位的密钥纸，或已被新密钥取代的旧密钥纸）。未做任何更改。</translation>
        </message>
        <message>
            <source>Need: say what the resident needs.</source>
            <extracomment>the states a step applies in, and the state it leads to which office writes a step: the community owns the order, the street its dispatch; a unit's claim, progress and completion are recorded by whoever hears of them</extracomment>
            <translation>诉求内容：请写明居民的需求。</translation>
        </message>
        <message>
            <source>Plan date: a long-term order needs the date its project plans to finish.</source>
            <translation>计划完成日期：长期订单须填写项目计划完成的日期。</translation>
        </message>
        <message>
            <source>The order stands at {state}: {step} cannot be recorded now.</source>
            <translation>该订单当前为“{state}”，现在不能记录“{step}”。</translation>
        </message>
        <message>
            <source>{step} is recorded by the {office} office, not here.</source>
            <translation>“{step}”应由{office}记录，不能在此记录。</translation>
        </message>
        <message>
            <source>Assigned to: choose a unit of the area, an in-service member or a grid team.</source>
            <translation>分派给：请选择驻区单位、在职党员或网格团队。</translation>
        </message>
        <message>
            <source>Dispatched to: choose a unit of the area or a department.</source>
            <translation>派单给：请选择驻区单位或职能部门。</translation>
        </message>
        <message>
            <source>Reason: say why.</source>
            <translation>原因：请写明原因。</translation>
        </message>
        <message>
            <source>Result: say what was done.</source>
            <translation>办理结果：请写明办理了什么。</translation>
        </message>
        <message>
            <source>Progress: say what has been done so far.</source>
            <translation>办理进展：请写明目前的进展。</translation>
        </message>
        <message>
            <source>Rating: give 1 to 5 (5 very satisfied); {value} is not.</source>
            <translation>评价：请打 1 至 5 分（5 分为非常满意），{value} 不在范围内。</translation>
        </message>
        <message>
            <source>Deadline: {deadline} is before the day of the step ({day}).</source>
            <translation>办理期限：{deadline} 早于办理当天（{day}）。</translation>
        </message>
        <message>
            <source>Person: the resident record no longer exists; pick them again or type a name.</source>
            <translation>居民：该居民记录已不存在，请重新选择或直接填写姓名。</translation>
        </message>
        <message>
            <source>Grid: the grid no longer exists.</source>
            <translation>网格：该网格已不存在。</translation>
        </message>
        <message>
            <source>Source: the agenda item or visit the order was raised in no longer exists.</source>
            <translation>来源：提出该需求的议题或走访记录已不存在。</translation>
        </message>
        <message>
            <source>Service: the service or project no longer exists.</source>
            <translation>服务项目：该服务项目已不存在。</translation>
        </message>
        <message>
            <source>Assigned to: the unit {name} does not exist or has left the area.</source>
            <translation>承办：单位 {name} 不存在或已撤出。</translation>
        </message>
        <message>
            <source>Dispatched to: the department does not exist or is no longer used.</source>
            <translation>派至：该职能部门不存在或已停用。</translation>
        </message>
        <message>
            <source>Assigned to: the in-service member is not registered (or not approved) here.</source>
            <translation>承办：该在职党员未在本社区报到（或未通过审核）。</translation>
        </message>
        <message>
            <source>Assigned to: the grid does not exist.</source>
            <translation>承办：该网格不存在。</translation>
        </message>
        <message>
            <source>Departments are kept by the street office; they reach the communities by sync.</source>
            <translation>职能部门由街道维护，经同步下发到各社区。</translation>
        </message>
        <message>
            <source>The order stands at {state}: its details can no longer be changed.</source>
            <translation>该订单已{state}，不能再修改登记内容。</translation>
        </message>
        <message>
            <source>{field}: fill this in.</source>
            <translation>{field}：请填写。</translation>
        </message>
        <message>
            <source>{field}: {name} is already in the list.</source>
            <translation>{field}：{name} 已在列表中。</translation>
        </message>
        <message>
            <source>{field}: the end ({end}) is before the start ({start}).</source>
            <translation>{field}：结束日期（{end}）早于开始日期（{start}）。</translation>
        </message>
        <message>
            <source>Provider: choose the unit or the in-service member, or type who offers it.</source>
            <translation>提供方：请选择单位或在职党员，或填写提供方名称。</translation>
        </message>
        <message>
            <source>{field}: give 0 to {limit} points; {value} is not.</source>
            <translation>{field}：请填写 0 到 {limit} 分，{value} 不行。</translation>
        </message>
        <message>
            <source>Year: {value} is not a year of the review.</source>
            <translation>年度：{value} 不是可评议的年度。</translation>
        </message>
        <message>
            <source>The file {name} is empty.</source>
            <translation>文件 {name} 是空的。</translation>
        </message>
        <message>
            <source>The file {name} is larger than {limit} MB; attach a smaller scan.</source>
            <translation>文件 {name} 超过 {limit} MB，请附上较小的扫描件。</translation>
        </message>
        <message>
            <source>Orders are raised by the community that hears of the need, not the street.</source>
            <translation>订单由了解需求的社区登记，街道不直接登记订单。</translation>
        </message>
    </context>
    <context>
        <name>ledgers</name>
        <message>
            <source>Ledger of party organisations…</source>
            <translation>党组织设置一览表…</translation>
        </message>
        <message>
            <source>Ledger of party organisations</source>
            <translation>党组织设置一览表</translation>
        </message>
        <message>
            <source>Making the ledger of party organisations…</source>
            <translation>正在生成党组织设置一览表…</translation>
        </message>
        <message>
            <source>Roster of party members…</source>
            <translation>党员花名册…</translation>
        </message>
        <message>
            <source>党员花名册 of the chosen organisation, as PDF (Ctrl+P)</source>
            <translation>生成所选党组织的党员花名册 PDF（Ctrl+P）</translation>
        </message>
        <message>
            <source>Roster of party members</source>
            <translation>党员花名册</translation>
        </message>
        <message>
            <source>Making the roster of party members…</source>
            <translation>正在生成党员花名册…</translation>
        </message>
        <message>
            <source>Household forms…</source>
            <translation>网格户情登记表…</translation>
        </message>
        <message>
            <source>One form per household of the grid or building shown</source>
            <translation>为所显示网格或楼栋的每户打印一张登记表</translation>
        </message>
        <message>
            <source>Household forms</source>
            <translation>网格户情登记表</translation>
        </message>
        <message>
            <source>Making the household forms…</source>
            <translation>正在生成网格户情登记表…</translation>
        </message>
        <message>
            <source>Grid summary…</source>
            <translation>网格户情汇总表…</translation>
        </message>
        <message>
            <source>Grid summary</source>
            <translation>网格户情汇总表</translation>
        </message>
        <message>
            <source>Making the grid summary…</source>
            <translation>正在生成网格户情汇总表…</translation>
        </message>
        <message>
            <source>List by care tag…</source>
            <translation>关爱对象名单…</translation>
        </message>
        <message>
            <source>List by care tag</source>
            <translation>关爱对象名单</translation>
        </message>
        <message>
            <source>Making the list…</source>
            <translation>正在生成名单…</translation>
        </message>
        <message>
            <source>Minutes…</source>
            <translation>会议记录…</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>会议记录</translation>
        </message>
        <message>
            <source>Making the minutes…</source>
            <translation>正在生成会议记录…</translation>
        </message>
        <message>
            <source>Sign-in sheet…</source>
            <translation>签到表…</translation>
        </message>
        <message>
            <source>Sign-in sheet</source>
            <translation>签到表</translation>
        </message>
        <message>
            <source>Making the sign-in sheet…</source>
            <translation>正在生成签到表…</translation>
        </message>
        <message>
            <source>Follow-up ledger…</source>
            <translation>决议落实情况跟踪表…</translation>
        </message>
        <message>
            <source>The follow-ups of the year chosen on the follow-up page (or all)</source>
            <translation>落实跟踪页所选年份的决议落实情况（未选则为全部）</translation>
        </message>
        <message>
            <source>Follow-up tracking</source>
            <translation>落实跟踪</translation>
        </message>
        <message>
            <source>Making the follow-up ledger…</source>
            <translation>正在生成落实台账…</translation>
        </message>
        <message>
            <source>Year summary…</source>
            <translation>年度汇总…</translation>
        </message>
        <message>
            <source>Meetings of the year chosen in the filter (or this year)</source>
            <translation>筛选中所选年份的会议（未选则为本年）</translation>
        </message>
        <message>
            <source>Year summary</source>
            <translation>年度汇总</translation>
        </message>
        <message>
            <source>Making the year summary…</source>
            <translation>正在生成年度汇总…</translation>
        </message>
        <message>
            <source>Street &amp;summary…</source>
            <translation>街道汇总表(&amp;S)…</translation>
        </message>
        <message>
            <source>The summary of the communities' work: one line per community</source>
            <translation>街道社区工作情况汇总表：每个社区一行</translation>
        </message>
        <message>
            <source>Street summary</source>
            <translation>街道汇总表</translation>
        </message>
        <message>
            <source>Making the street summary…</source>
            <translation>正在生成街道汇总表…</translation>
        </message>
        <message>
            <source>This &amp;month's work report…</source>
            <translation>本月工作情况报表(&amp;M)…</translation>
        </message>
        <message>
            <source>社区工作情况报表: this month's figures and the charts</source>
            <translation>社区工作情况报表：本月数字和图表</translation>
        </message>
        <message>
            <source>This &amp;year's work report…</source>
            <translation>本年工作情况报表(&amp;Y)…</translation>
        </message>
        <message>
            <source>社区工作情况报表: this year's figures and the charts</source>
            <translation>社区工作情况报表：本年数字和图表</translation>
        </message>
        <message>
            <source>Work report</source>
            <translation>工作情况报表</translation>
        </message>
        <message>
            <source>Making the work report…</source>
            <translation>正在生成工作情况报表…</translation>
        </message>
        <message>
            <source>Register list…</source>
            <translation>报到一览表…</translation>
        </message>
        <message>
            <source>Register list</source>
            <translation>报到一览表</translation>
        </message>
        <message>
            <source>Making the register list…</source>
            <translation>正在生成报到一览表…</translation>
        </message>
        <message>
            <source>Registration form (selected)…</source>
            <translation>报到登记表（选中）…</translation>
        </message>
        <message>
            <source>Registration forms (all)…</source>
            <translation>报到登记表（全部）…</translation>
        </message>
        <message>
            <source>Registration forms</source>
            <translation>报到登记表</translation>
        </message>
        <message>
            <source>Making the registration forms…</source>
            <translation>正在生成报到登记表…</translation>
        </message>
        <message>
            <source>Service record card (selected)…</source>
            <translation>服务记录卡（选中）…</translation>
        </message>
        <message>
            <source>Service record cards (all)…</source>
            <translation>服务记录卡（全部）…</translation>
        </message>
        <message>
            <source>Service record cards</source>
            <translation>服务记录卡</translation>
        </message>
        <message>
            <source>Making the service record cards…</source>
            <translation>正在生成服务记录卡…</translation>
        </message>
        <message>
            <source>Points notice (all)…</source>
            <translation>积分公示（全部）…</translation>
        </message>
        <message>
            <source>Points notice (selected unit)…</source>
            <translation>积分公示（选中单位）…</translation>
        </message>
        <message>
            <source>Points notice</source>
            <translation>积分公示</translation>
        </message>
        <message>
            <source>Making the points notice…</source>
            <translation>正在生成积分公示…</translation>
        </message>
        <message>
            <source>Letters to the work units…</source>
            <translation>单位反馈函…</translation>
        </message>
        <message>
            <source>Writing the letters to the work units…</source>
            <translation>正在生成单位反馈函…</translation>
        </message>
        <message>
            <source>Check-in card with QR (selected)…</source>
            <translation>二维码签到卡（选中）…</translation>
        </message>
        <message>
            <source>Check-in cards with QR (all)…</source>
            <translation>二维码签到卡（全部）…</translation>
        </message>
        <message>
            <source>Check-in cards</source>
            <translation>签到卡</translation>
        </message>
        <message>
            <source>Making the check-in cards…</source>
            <translation>正在生成签到卡…</translation>
        </message>
        <message>
            <source>List of &amp;needs…</source>
            <translation>需求清单(&amp;N)…</translation>
        </message>
        <message>
            <source>List of needs</source>
            <translation>需求清单</translation>
        </message>
        <message>
            <source>Making the list of needs…</source>
            <translation>正在生成需求清单…</translation>
        </message>
        <message>
            <source>List of &amp;resources…</source>
            <translation>资源清单(&amp;R)…</translation>
        </message>
        <message>
            <source>List of resources</source>
            <translation>资源清单</translation>
        </message>
        <message>
            <source>Making the list of resources…</source>
            <translation>正在生成资源清单…</translation>
        </message>
        <message>
            <source>List of &amp;services…</source>
            <translation>服务清单(&amp;S)…</translation>
        </message>
        <message>
            <source>List of services</source>
            <translation>服务清单</translation>
        </message>
        <message>
            <source>Making the list of services…</source>
            <translation>正在生成服务清单…</translation>
        </message>
        <message>
            <source>List of &amp;units…</source>
            <translation>共驻共建单位一览表(&amp;U)…</translation>
        </message>
        <message>
            <source>List of units</source>
            <translation>共驻共建单位一览表</translation>
        </message>
        <message>
            <source>Making the list of units…</source>
            <translation>正在生成共驻共建单位一览表…</translation>
        </message>
        <message>
            <source>&amp;Work order (selected)…</source>
            <translation>派单单（选中订单）(&amp;W)…</translation>
        </message>
        <message>
            <source>Work orders (all given out)…</source>
            <translation>派单单（全部已派出订单）…</translation>
        </message>
        <message>
            <source>Work orders</source>
            <translation>派单单</translation>
        </message>
        <message>
            <source>Making the work orders…</source>
            <translation>正在生成派单单…</translation>
        </message>
        <message>
            <source>Ledger of orders sent up…</source>
            <translation>街道派单台账…</translation>
        </message>
        <message>
            <source>Orders sent up</source>
            <translation>街道派单台账</translation>
        </message>
        <message>
            <source>Making the ledger of orders sent up…</source>
            <translation>正在生成街道派单台账…</translation>
        </message>
        <message>
            <source>Review surveys, one per unit…</source>
            <translation>双向评议表（每单位一页）…</translation>
        </message>
        <message>
            <source>Review surveys</source>
            <translation>双向评议表</translation>
        </message>
        <message>
            <source>Making the review surveys…</source>
            <translation>正在生成双向评议表…</translation>
        </message>
        <message>
            <source>Review results notice…</source>
            <translation>双向评议结果公示…</translation>
        </message>
        <message>
            <source>Review results</source>
            <translation>双向评议结果公示</translation>
        </message>
        <message>
            <source>Making the review results…</source>
            <translation>正在生成双向评议结果公示…</translation>
        </message>
    </context>
    <context>
        <name>messages</name>
        <message>
            <source>GridOffice</source>
            <translation>网格通</translation>
        </message>
        <message>
            <source>GridOffice: unexpected error</source>
            <translation>网格通：意外错误</translation>
        </message>
    </context>
    <context>
        <name>recovery_sheet</name>
        <message>
            <source>Data recovery key</source>
            <extracomment>the printed QR symbol, without its quiet zone: scanned from paper, not a screen</extracomment>
            <translation>数据恢复密钥</translation>
        </message>
        <message>
            <source>Keep this sheet locked in the safe. Never photograph it or copy it.</source>
            <translation>请锁在保险柜中。严禁拍照、复印。</translation>
        </message>
        <message>
            <source>Recovery key</source>
            <translation>恢复密钥</translation>
        </message>
        <message>
            <source>check character</source>
            <translation>校验字符</translation>
        </message>
        <message>
            <source>(no letters I, L, O or U: 0 is the digit zero, 1 the digit one)</source>
            <translation>（不含字母 I、L、O、U：0 是数字零，1 是数字一）</translation>
        </message>
        <message>
            <source>The same key as a QR code</source>
            <translation>同一密钥的二维码</translation>
        </message>
        <message>
            <source>Office</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Data folder</source>
            <translation>数据文件夹</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>密钥指纹</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>生成时间</translation>
        </message>
        <message>
            <source>Printed by</source>
            <translation>打印人</translation>
        </message>
        <message>
            <source>Keeper</source>
            <translation>保管人</translation>
        </message>
        <message>
            <source>What this key is for</source>
            <translation>一、密钥用途</translation>
        </message>
        <message>
            <source>The data of {office} is stored encrypted. This key opens it when every administrator password has been forgotten, or when the data moves to a new computer with the backup files. Whoever has this key can read the personal data of every resident.</source>
            <translation>{office}的数据已加密保存。当所有管理员密码都已遗忘，或更换电脑后用备份文件恢复数据时，凭本密钥打开数据。持有本密钥的人可以读取全部居民的个人信息。</translation>
        </message>
        <message>
            <source>How to keep it</source>
            <translation>二、保管要求</translation>
        </message>
        <message>
            <source>Keep the sheet locked in the safe; only the keeper named below takes it out.</source>
            <translation>本页请锁在保险柜中，只由下方签字的保管人取用。</translation>
        </message>
        <message>
            <source>Never photograph, scan or copy it, and never keep the key on the computer, a phone or a USB stick. Delete the PDF file once the sheet is printed.</source>
            <translation>严禁拍照、扫描或复印，不得把密钥保存在电脑、手机或U盘中。打印完成后请删除本 PDF 文件。</translation>
        </message>
        <message>
            <source>The key is printed once. Printing a new key replaces it: this sheet then no longer works and is shredded.</source>
            <translation>密钥只打印一次。重新打印新密钥即替换本密钥：本页随即作废，请用碎纸机销毁。</translation>
        </message>
        <message>
            <source>How to use it</source>
            <translation>三、使用方法</translation>
        </message>
        <message>
            <source>In the login window, click “Forgot password / use recovery key”, type the key and set a new administrator password.</source>
            <translation>在登录窗口点击“忘记密码／使用恢复密钥”，输入密钥，再设置新的管理员密码。</translation>
        </message>
        <message>
            <source>Or at the command line: {command} (it also sets a new administrator password).</source>
            <translation>也可在命令行运行：{command}（同样会设置新的管理员密码）。</translation>
        </message>
        <message>
            <source>Type all {count} characters, the check character last; upper or lower case, spaces and dashes do not matter.</source>
            <translation>请输入全部 {count} 个字符，最后一个是校验字符；大小写、空格和短横线均不影响。</translation>
        </message>
        <message>
            <source>KEY</source>
            <translation>恢复密钥</translation>
        </message>
    </context>
    <context>
        <name>warnings</name>
        <message>
            <source>The branch has {count} full members; a branch needs at least 3. Consider a joint branch with neighbouring units.</source>
            <translation>本支部有正式党员 {count} 名；党支部应有正式党员 3 名以上。可考虑与邻近单位联合成立联合党支部。</translation>
        </message>
        <message>
            <source>The joint branch has {count} full members; it needs at least 3. Consider joining further neighbouring units.</source>
            <translation>本联合党支部有正式党员 {count} 名，应有 3 名以上。可考虑联合更多邻近单位。</translation>
        </message>
        <message>
            <source>The branch has {count} full members; with 7 or more it should elect a branch committee.</source>
            <translation>本支部有正式党员 {count} 名；正式党员 7 人以上的党支部应设立支部委员会。</translation>
        </message>
        <message>
            <source>The branch committee has {size} members; it should have 3 to 5, and at most 7.</source>
            <translation>支部委员会有委员 {size} 名；一般为 3 至 5 名，最多不超过 7 名。</translation>
        </message>
        <message>
            <source>The branch has {count} members; a branch generally has at most 50. Consider a general party branch.</source>
            <translation>本支部有党员 {count} 名；党支部党员一般不超过 50 人。可考虑成立党总支。</translation>
        </message>
        <message>
            <source>The organisation has {count} members; with 100 or more, consider a party committee.</source>
            <translation>本组织有党员 {count} 名；党员 100 人以上的，可考虑成立党委。</translation>
        </message>
        <message>
            <source>{name}, born {birth}, is already on the roster ({org}). Is this the same person?</source>
            <translation>花名册中已有 {name}，出生于 {birth}（{org}）。是否为同一人？</translation>
        </message>
        <message>
            <source>The grid has {count} households; a grid generally has {low} to {high}. Consider merging it with a neighbouring grid.</source>
            <translation>该网格有 {count} 户；网格一般为 {low} 至 {high} 户。建议与相邻网格合并。</translation>
        </message>
        <message>
            <source>The grid has {count} households; a grid generally has {low} to {high}. Consider dividing it.</source>
            <translation>该网格有 {count} 户；网格一般为 {low} 至 {high} 户。建议拆分网格。</translation>
        </message>
        <message>
            <source>{name} is marked as registered here but living elsewhere, yet the population type is {population}; a household registration here makes the person registered population.</source>
            <translation>{name} 登记为“户在人不在”，但人口类型为“{population}”；户籍在本地的应为户籍人口。</translation>
        </message>
        <message>
            <source>{name} is marked as living where registered, yet the population type is {population}; floating population lives here with the registration elsewhere.</source>
            <translation>{name} 登记为“人户一致”，但人口类型为“{population}”；流动人口是户籍在外地、在本地居住的人员。</translation>
        </message>
    </context>
    <context>
        <name>workbench</name>
        <message>
            <source>{count} probationary members past their full-membership date</source>
            <translation>{count} 名预备党员已过预备期满日期，未转正</translation>
        </message>
        <message>
            <source>{count} probationary members due for full membership within {days} days</source>
            <translation>{count} 名预备党员 {days} 天内预备期满，待转正</translation>
        </message>
        <message>
            <source>{count} members whose party relation is being transferred out</source>
            <translation>{count} 名党员组织关系正在转出</translation>
        </message>
        <message>
            <source>{count} council follow-ups overdue</source>
            <translation>{count} 项议事会决议落实事项已逾期</translation>
        </message>
        <message>
            <source>{count} council follow-ups due within {days} days</source>
            <translation>{count} 项议事会决议落实事项 {days} 天内到期</translation>
        </message>
        <message>
            <source>Next council {date} at {place}: {attendees} attendees listed, sign-in sheet {printed}</source>
            <translation>下次议事会 {date}，地点 {place}：已列参会人员 {attendees} 人，签到表{printed}</translation>
        </message>
        <message>
            <source>{count} in-service registrations awaiting review</source>
            <translation>{count} 名在职党员报到待审核</translation>
        </message>
        <message>
            <source>{count} in-service members due to register again within {days} days</source>
            <translation>{count} 名在职党员 {days} 天内到期需重新报到</translation>
        </message>
        <message>
            <source>{grid}: {count} households not visited for {days} days</source>
            <translation>{grid}：{count} 户超过 {days} 天未走访</translation>
        </message>
        <message>
            <source>{count} residents with a care tag not visited for {days} days</source>
            <translation>{count} 名关爱对象超过 {days} 天未走访</translation>
        </message>
        <message>
            <source>{count} residents' needs waiting to be assigned</source>
            <translation>{count} 个居民需求待分单</translation>
        </message>
        <message>
            <source>{count} orders sent up by the communities waiting to be dispatched</source>
            <translation>{count} 个社区上报订单待派单</translation>
        </message>
        <message>
            <source>{count} orders overdue</source>
            <translation>{count} 个订单逾期未办结</translation>
        </message>
        <message>
            <source>{count} sync partners not heard from for {days} days</source>
            <translation>{count} 个同步单位超过 {days} 天未收到数据</translation>
        </message>
        <message>
            <source>{count} sync conflicts to resolve</source>
            <translation>{count} 条同步冲突待处理</translation>
        </message>
        <message>
            <source>No backup of the data yet</source>
            <translation>数据还没有备份</translation>
        </message>
        <message>
            <source>The newest backup is {days} days old</source>
            <translation>最近一次备份已是 {days} 天前</translation>
        </message>
        <message>
            <source>printed</source>
            <translation>已打印</translation>
        </message>
        <message>
            <source>not printed yet</source>
            <translation>尚未打印</translation>
        </message>
    </context>
</TS>
