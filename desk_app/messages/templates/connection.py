"""Refusals of connecting: the config file, the credential store, the sign-in gate and
signing in as one's own database login."""

TEMPLATES: dict[str, tuple[str, str]] = {
    "config.not_a_choice": (
        "The config file's [database] {key} = {value} is not one of: {allowed}.",
        "配置文件中 [database] {key} = {value} 不是可选值之一：{allowed}。",
    ),
    "config.password_in_file": (
        "The config file {path} holds a database password. Store it with "
        "`desk-app db password` and remove it from the file.",
        "配置文件 {path} 中含有数据库密码。请用 `desk-app db password` 保存密码，"
        "并将其从文件中删除。",
    ),
    "config.no_user_for_password": (
        "Which login's password? Name it with --user.",
        "要保存哪个登录名的密码？请用 --user 指定。",
    ),
    "config.only_the_gate_on_server": (
        "Only the sign-in gate's password ({gate}) is set on the server this way; a user's "
        "password is set by a manager in the app.",
        "只有登录网关（{gate}）的密码可以这样在服务器上设置；用户的密码由经理在程序中设置。",
    ),
    "credentials.store_unavailable": (
        "This PC's credential store cannot be used ({reason}).",
        "无法使用本机的凭据存储（{reason}）。",
    ),
    "database.password_missing": (
        "The database server asks for the password of {user}, and none is stored on this "
        "PC. An administrator runs: desk-app db password --user {user}",
        "数据库服务器要求 {user} 的密码，但本机没有保存。请管理员运行："
        "desk-app db password --user {user}",
    ),
    "database.gate_refused": (
        "The database server refused the login {user}: its password stored on this PC is "
        "wrong, or the server does not let this PC in.",
        "数据库服务器拒绝了登录名 {user}：本机保存的密码不对，或服务器不允许本机连接。",
    ),
    "database.gate_missing": (
        "The database is not set up for signing in with database logins. An "
        "administrator runs: desk-app db grant",
        "数据库尚未设置为使用数据库登录名登录。请管理员运行：desk-app db grant",
    ),
}
