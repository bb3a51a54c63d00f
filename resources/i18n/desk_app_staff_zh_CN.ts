<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="65"/>
        <source>The new user signs in with this name and password, and is then asked to choose a password of their own.</source>
        <translation>新用户用此用户名和密码登录，随后会被要求设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="70"/>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="73"/>
        <source>e.g. li.jing (letters, digits, . _ -)</source>
        <translation>例如 li.jing（字母、数字、. _ -）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="75"/>
        <source>e.g. 李静</source>
        <translation>例如 李静</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="80"/>
        <source>&amp;User name</source>
        <translation>用户名(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="81"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="82"/>
        <source>&amp;Roles</source>
        <translation>岗位(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="83"/>
        <source>Initial &amp;password</source>
        <translation>初始密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="84"/>
        <source>Re&amp;peat</source>
        <translation>再次输入(&amp;P)</translation>
    </message>
</context>
<context>
    <name>AreaDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="26"/>
        <source>Add a service area</source>
        <translation>添加服务区域</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="28"/>
        <source>Rename %1</source>
        <translation>重命名 %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="30"/>
        <source>Every technician covering %1 follows the new name.</source>
        <translation>负责 %1 的工程师将一并改用新名称。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="35"/>
        <source>e.g. 朝阳区</source>
        <translation>例如 朝阳区</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="37"/>
        <source>&amp;Name</source>
        <translation>名称(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="38"/>
        <source>N&amp;ote</source>
        <translation>备注(&amp;O)</translation>
    </message>
</context>
<context>
    <name>AreasTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="57"/>
        <source>Service area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="58"/>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="60"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="61"/>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="61"/>
        <source>retired</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="66"/>
        <source>&amp;Add area…</source>
        <translation>添加区域(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="67"/>
        <source>Re&amp;name…</source>
        <translation>重命名(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="69"/>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="80"/>
        <source>&amp;Retire</source>
        <translation>停用(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="80"/>
        <source>&amp;Bring back</source>
        <translation>恢复使用(&amp;B)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="89"/>
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="103"/>
        <source>%1 is in use again.</source>
        <translation>%1 已恢复使用。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/areas_tab.py" line="103"/>
        <source>%1 is retired.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="34"/>
        <source>A manager set your password. Choose your own before you start: nobody else should know it.</source>
        <translation>您的密码是由经理设置的。开始工作前请设置您自己的密码：不要让其他人知道。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="38"/>
        <source>Choose a new password for %1.</source>
        <translation>为 %1 设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="41"/>
        <source>Change my password</source>
        <translation>修改我的密码</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="47"/>
        <source>&amp;Current password</source>
        <translation>当前密码(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="49"/>
        <source>&amp;New password</source>
        <translation>新密码(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/password.py" line="50"/>
        <source>&amp;Repeat</source>
        <translation>再次输入(&amp;R)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/forms.py" line="37"/>
        <source>S&amp;taff…</source>
        <translation>员工(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/forms.py" line="46"/>
        <source>Change my &amp;password…</source>
        <translation>修改我的密码(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="126"/>
        <source>Give %1 this password; at the next sign-in they must choose their own.</source>
        <translation>把这个密码告诉 %1；下次登录时须设置自己的密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="130"/>
        <source>Reset the password of %1</source>
        <translation>重置 %1 的密码</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="134"/>
        <source>New &amp;password</source>
        <translation>新密码(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="135"/>
        <source>Re&amp;peat</source>
        <translation>再次输入(&amp;P)</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="102"/>
        <source>%1 works with every role ticked; the main role is shown beside the name. A desk signed in as them now must sign in again before saving anything.</source>
        <translation>%1 拥有所有勾选的岗位；主岗位显示在姓名旁。以其身份登录着的前台须重新登录后才能保存。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="107"/>
        <source>Roles of %1</source>
        <translation>%1 的岗位</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="111"/>
        <source>&amp;Roles</source>
        <translation>岗位(&amp;R)</translation>
    </message>
</context>
<context>
    <name>StaffDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/dialog.py" line="27"/>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/dialog.py" line="36"/>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/dialog.py" line="40"/>
        <source>Technicians</source>
        <translation>工程师</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/dialog.py" line="41"/>
        <source>Service areas</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/dialog.py" line="51"/>
        <source>Welcome. Set up the shop here: the service areas it covers, its technicians, and a user for everybody who works at a desk. It opens again from Desk ▸ Staff…</source>
        <translation>欢迎。请在这里设置本店：服务的区域、工程师，以及每位前台人员的用户。之后可从“服务台 ▸ 员工…”再次打开。</translation>
    </message>
</context>
<context>
    <name>StaffForms</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/forms.py" line="42"/>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/forms.py" line="120"/>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>TechnicianDialog</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="85"/>
        <source>Add a technician</source>
        <translation>添加工程师</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="87"/>
        <source>Technician %1</source>
        <translation>工程师 %1</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="111"/>
        <source>(does not sign in)</source>
        <translation>（不登录）</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="112"/>
        <source>&amp;Name</source>
        <translation>姓名(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="113"/>
        <source>&amp;Phone</source>
        <translation>电话(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="114"/>
        <source>&amp;Skills</source>
        <translation>技能(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="115"/>
        <source>Service &amp;areas</source>
        <translation>服务区域(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="117"/>
        <source>Visits per &amp;day</source>
        <translation>每日上门数(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="121"/>
        <source>of which kept for &amp;emergencies</source>
        <translation>其中应急预留(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="127"/>
        <source>Working &amp;hours</source>
        <translation>工作时间(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="129"/>
        <source>Signs in as &amp;user</source>
        <translation>登录用户(&amp;U)</translation>
    </message>
</context>
<context>
    <name>TechniciansTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="205"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="206"/>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="207"/>
        <source>Skills</source>
        <translation>技能</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="208"/>
        <source>Service areas</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="209"/>
        <source>Hours</source>
        <translation>工作时间</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="211"/>
        <source>Visits / reserve</source>
        <translation>上门数 / 预留</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="214"/>
        <source>Signs in as</source>
        <translation>登录用户</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="216"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="217"/>
        <source>active</source>
        <translation>在岗</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="217"/>
        <source>inactive</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="223"/>
        <source>&amp;Add technician…</source>
        <translation>添加工程师(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="225"/>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="227"/>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="240"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="238"/>
        <source>&amp;Reactivate</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="249"/>
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="263"/>
        <source>%1 is back on the board.</source>
        <translation>%1 已回到派工板。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/technicians_tab.py" line="263"/>
        <source>%1 is off the board.</source>
        <translation>%1 已从派工板移除。</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="154"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="155"/>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="156"/>
        <source>Main role</source>
        <translation>主岗位</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="158"/>
        <source>Other roles</source>
        <translation>其他岗位</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="161"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="164"/>
        <source>&amp;Add user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="165"/>
        <source>R&amp;oles…</source>
        <translation>岗位(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="167"/>
        <source>&amp;Reset password…</source>
        <translation>重置密码(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="170"/>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="190"/>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="176"/>
        <source>deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="178"/>
        <source>active, must choose a new password</source>
        <translation>在用，须设置新密码</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="179"/>
        <source>active</source>
        <translation>在用</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="188"/>
        <source>&amp;Reactivate</source>
        <translation>恢复(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="200"/>
        <source>%1 added.</source>
        <translation>已添加 %1。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="217"/>
        <source>New password set for %1.</source>
        <translation>已为 %1 设置新密码。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="226"/>
        <source>%1 can sign in again.</source>
        <translation>%1 可以重新登录了。</translation>
    </message>
    <message>
        <location filename="../../desk_app/ui/admin/staff/users_tab.py" line="226"/>
        <source>%1 is deactivated.</source>
        <translation>%1 已停用。</translation>
    </message>
</context>
</TS>
