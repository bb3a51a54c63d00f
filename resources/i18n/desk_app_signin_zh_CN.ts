<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>LockScreen</name>
    <message>
        <source>Desk locked</source>
        <translation>服务台已锁定</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>解锁(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Sign out</source>
        <translation>退出登录(&amp;S)</translation>
    </message>
    <message>
        <source>This desk is locked. %1 is signed in: enter the password to go on.</source>
        <translation>服务台已锁定。当前登录的是 %1：请输入密码继续。</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以再试一次。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>锁定服务台(&amp;L)</translation>
    </message>
    <message>
        <source>Sign &amp;out / switch user</source>
        <translation>退出登录 / 切换用户(&amp;O)</translation>
    </message>
    <message>
        <source>There is typing that was not saved. Sign out anyway and lose it?</source>
        <translation>有输入的内容尚未保存。仍要退出登录并丢弃这些内容吗？</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>You can try again now.</source>
        <translation>现在可以再试一次。</translation>
    </message>
</context>
<context>
    <name>SignInTab</name>
    <message>
        <source>Sign-in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>&amp;Wrong answers before a lock</source>
        <translation>锁定前允许的错误次数(&amp;W)</translation>
    </message>
    <message>
        <source>Lock &amp;lasts</source>
        <translation>锁定时长(&amp;L)</translation>
    </message>
    <message>
        <source>After each wrong password the same user name must wait a little longer (1, 2, 4 … seconds) before the next try; after this many in a row it is locked for the time set here, on every desk. A right password resets the count.</source>
        <translation>每次密码错误后，同一用户名须等待更长时间（1、2、4 … 秒）才能再试；连续错误达到此次数后，该用户名在所有服务台上锁定此处设置的时长。输入正确密码后重新计数。</translation>
    </message>
    <message>
        <source>Lock an &amp;idle desk after</source>
        <translation>服务台闲置多久后锁定(&amp;I)</translation>
    </message>
    <message>
        <source>A desk nobody types on or moves the mouse at for this long covers its screen until the signed-in user's password is given; what was on the screen stays as it was. Desks signed in from now on use the new time.</source>
        <translation>服务台在这段时间内无人操作键盘或鼠标时，将遮住屏幕，直到输入当前登录用户的密码；屏幕上的内容保持原样。新的时间对此后登录的服务台生效。</translation>
    </message>
</context>
<context>
    <name>_Curtain</name>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
</TS>
