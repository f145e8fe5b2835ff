<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
    </context>
</TS>
