/*
 * 登录. Also the dialog shown over a page whose token expired: the page and what was typed stay, and the request
 * that met the 401 is sent again once the user is back.
 */
import { post } from '../api.js';
import { session, signIn, signOut } from '../session.js';
import { t } from '../i18n.js';

export const SignIn = {
  props: { dialog: Boolean },
  emits: ['signedIn'],
  setup: () => ({ t, session }),
  data: () => ({ username: '', password: '', error: '', busy: false }),
  mounted() {
    if (this.dialog && session.claims) this.username = session.claims.sub;
  },
  methods: {
    async submit() {
      this.busy = true;
      this.error = '';
      try {
        const answer = await post('/api/auth/token', { username: this.username.trim(), password: this.password });
        signIn(answer.access_token);
        this.password = '';
        this.$emit('signedIn');
      } catch (e) {
        this.error = e.status === 401 || e.status === 400 ? t('login.failed') : e.message;
      } finally {
        this.busy = false;
      }
    },
    giveUp() {
      signOut();
    },
  },
  template: `
    <div :class="dialog ? 'dialog-backdrop' : 'login-page'">
      <form class="card login" @submit.prevent="submit" data-test="login-form">
        <div class="brand"><img src="/icons/icon-192.png" alt="" width="48" height="48"><h1>{{ t('app.name') }}</h1></div>
        <p v-if="dialog" class="notice">{{ t('login.expired') }}</p>
        <label>{{ t('login.username') }}<input v-model="username" name="username" autocomplete="username" required :readonly="dialog && !!session.claims"></label>
        <label>{{ t('login.password') }}<input v-model="password" name="password" type="password" autocomplete="current-password" required></label>
        <p v-if="error" class="error" data-test="login-error">{{ error }}</p>
        <button class="primary block" type="submit" :disabled="busy" data-test="login-submit">{{ t('login.submit') }}</button>
        <button v-if="dialog" class="link" type="button" @click="giveUp">{{ t('nav.signOut') }}</button>
        <p v-else class="muted small">{{ t('login.demo') }}</p>
      </form>
    </div>`,
};
