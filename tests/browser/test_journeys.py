"""What a person does first with Tre: fail to sign in, sign in, replace the temporary password,
switch language. The journeys run in file order against one server: the first administrator's
temporary password is replaced in the second and used from then on."""
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import ADMIN_PASSWORD, BASE_URL

NEW_PASSWORD = ADMIN_PASSWORD + "-moi"


def sign_in(browser, username, password):
    browser.get(BASE_URL + "/login")
    browser.find_element(By.ID, "username").send_keys(username)
    field = browser.find_element(By.ID, "password")
    field.send_keys(password)
    field.send_keys(Keys.ENTER)  # keyboard only, as a person on a phone keyboard would


def test_a_wrong_password_is_refused_in_vietnamese(browser):
    sign_in(browser, "admin", "khong-phai-mat-khau")
    error = browser.find_element(By.ID, "login-error")
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in error.text
    assert browser.find_element(By.ID, "username").get_attribute("value") == "admin"
    assert browser.current_url.startswith(BASE_URL + "/login")


def test_the_first_administrator_must_replace_the_temporary_password(browser):
    sign_in(browser, "admin", ADMIN_PASSWORD)
    assert browser.current_url == BASE_URL + "/account/password"
    assert browser.find_element(By.ID, "must-change").is_displayed()
    browser.get(BASE_URL + "/admin/users")
    assert browser.current_url == BASE_URL + "/account/password", "nothing else opens before the change"

    browser.find_element(By.ID, "currentPassword").send_keys(ADMIN_PASSWORD)
    browser.find_element(By.ID, "newPassword").send_keys(NEW_PASSWORD)
    browser.find_element(By.ID, "confirmPassword").send_keys(NEW_PASSWORD)
    browser.find_element(By.ID, "save-password").click()
    assert "Đã đổi mật khẩu" in browser.find_element(By.CSS_SELECTOR, "p.notice").text

    browser.get(BASE_URL + "/")
    assert "Quản trị hệ thống" in browser.find_element(By.ID, "home-role").text
    browser.find_element(By.ID, "sign-out").click()
    assert browser.current_url.startswith(BASE_URL + "/login")


def test_the_language_switch_is_remembered(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    browser.find_element(By.ID, "language-switch").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert "Administrator" in browser.find_element(By.ID, "home-role").text
    browser.get(BASE_URL + "/admin/users")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Accounts"
    browser.find_element(By.ID, "language-switch").click()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Tài khoản"


def test_pages_fit_a_360_pixel_phone(browser):
    sign_in(browser, "admin", NEW_PASSWORD)
    for path in ("/", "/admin/users", "/admin/users/new", "/audit"):
        browser.get(BASE_URL + path)
        overflow = browser.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow}px wider than the phone"
