<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>If someone holds this seat now, their term ends the day before the new one starts.</source>
            <translation>如该职务现有人担任，其任期将在新任期开始的前一天结束。</translation>
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
        <name>FormDialog</name>
        <message>
            <source>{label}:</source>
            <translation>{label}：</translation>
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
            <source>The folder {path} could not be opened.</source>
            <translation>无法打开文件夹 {path}。</translation>
        </message>
        <message>
            <source>The office settings were saved.</source>
            <translation>单位设置已保存。</translation>
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
            <translation>操作员</translation>
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
            <source>Changing the role from {old} to {new} changes what GridOffice shows and which ledgers it offers. Change the role?</source>
            <translation>将单位类型从“{old}”改为“{new}”会改变网格通显示的内容和提供的台账。确定要修改吗？</translation>
        </message>
        <message>
            <source>The new language is used the next time GridOffice starts.</source>
            <translation>新的界面语言将在下次启动网格通时生效。</translation>
        </message>
    </context>
    <context>
        <name>OrgActions</name>
        <message>
            <source>This change cannot be undone. {reason}</source>
            <extracomment>an organisation changed; select this id afterwards ("" for no preference) a short note for the status bar</extracomment>
            <translation>无法撤销此操作。{reason}</translation>
        </message>
        <message>
            <source>This change cannot be redone. {reason}</source>
            <translation>无法重做此操作。{reason}</translation>
        </message>
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
            <translation>委员会职务</translation>
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
            <translation>操作员</translation>
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
        <name>RosterTab</name>
        <message>
            <source>Making the ledger of party organisations…</source>
            <translation>正在生成党组织设置一览表…</translation>
        </message>
        <message>
            <source>Making the ledger was cancelled.</source>
            <translation>已取消生成台账。</translation>
        </message>
        <message>
            <source>Ledger of party organisations</source>
            <translation>党组织设置一览表</translation>
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
        <name>app</name>
        <message>
            <source>GridOffice met an unexpected error. What you were doing may not have been saved; check it, and please send the log file {log} to whoever supports GridOffice.</source>
            <translation>网格通遇到意外错误。刚才的操作可能没有保存，请检查；并请把日志文件 {log} 发给网格通的技术支持人员。</translation>
        </message>
        <message>
            <source>(no log file)</source>
            <translation>（无日志文件）</translation>
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
            <source>{path} is a folder. Give a file name to write to.</source>
            <translation>{path} 是一个文件夹。请指定要写入的文件名。</translation>
        </message>
        <message>
            <source>The folder {path} does not exist. Choose an existing folder.</source>
            <translation>文件夹 {path} 不存在。请选择一个已有的文件夹。</translation>
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
            <translation>操作员：请填写您的姓名。</translation>
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
            <translation>操作员：最多 {limit} 个字。</translation>
        </message>
        <message>
            <source>Language: {value} is not available.</source>
            <translation>界面语言：不支持 {value}。</translation>
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
            <source>Updating the database {path} failed ({detail}). The data was left as it was; a copy is in {backup}.</source>
            <translation>升级数据文件 {path} 失败（{detail}）。数据保持原样；备份位于 {backup}。</translation>
        </message>
        <message>
            <source>{field}: {text} is not a valid date. Write it like 2021-06-30.</source>
            <translation>{field}：{text} 不是有效日期。请按 2021-06-30 的格式填写。</translation>
        </message>
        <message>
            <source>{field}: enter a date.</source>
            <translation>{field}：请填写日期。</translation>
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
</TS>
