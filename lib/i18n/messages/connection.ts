/** The checks on the server address and Client ID a person types in Settings. */
import { defineMessages } from '../define';

export const connectionText = defineMessages(
  {
    enterServer: 'Enter the server’s address, like https://aipass.one.',
    notAUrl: 'That is not a web address. It should look like https://aipass.one.',
    needsHttps: 'The server must use https:// (plain http:// only on this computer).',
    noCredentials: 'Leave the user name and password out of the address.',
    originOnly: 'Give only the server’s origin, without a path, like https://aipass.one.',
    enterClientIdOf: 'Enter the Client ID of your {provider} OAuth client.',
    enterClientId: 'Enter the Client ID of your OAuth client.',
    clientIdShape: 'A Client ID has no spaces and is at most {max} characters long.',
  },
  {
    de: {
      enterServer: 'Geben Sie die Adresse des Servers ein, etwa https://aipass.one.',
      notAUrl: 'Das ist keine Webadresse. Sie sollte etwa so aussehen: https://aipass.one.',
      needsHttps: 'Der Server muss https:// verwenden (einfaches http:// nur auf diesem Computer).',
      noCredentials: 'Lassen Sie Benutzername und Passwort in der Adresse weg.',
      originOnly: 'Geben Sie nur den Ursprung des Servers an, ohne Pfad, etwa https://aipass.one.',
      enterClientIdOf: 'Geben Sie die Client-ID Ihres OAuth-Clients bei {provider} ein.',
      enterClientId: 'Geben Sie die Client-ID Ihres OAuth-Clients ein.',
      clientIdShape: 'Eine Client-ID enthält keine Leerzeichen und hat höchstens {max} Zeichen.',
    },
    ja: {
      enterServer: 'サーバーのアドレスを入力してください（例: https://aipass.one）。',
      notAUrl: 'ウェブアドレスではありません。https://aipass.one のような形式で入力してください。',
      needsHttps:
        'サーバーには https:// を使ってください（http:// はこのコンピュータ上でのみ可）。',
      noCredentials: 'アドレスにユーザー名とパスワードを含めないでください。',
      originOnly:
        'パスを含めず、サーバーのオリジンだけを入力してください（例: https://aipass.one）。',
      enterClientIdOf: '{provider} の OAuth クライアントのクライアント ID を入力してください。',
      enterClientId: 'OAuth クライアントのクライアント ID を入力してください。',
      clientIdShape: 'クライアント ID にはスペースを含められず、長さは {max} 文字までです。',
    },
  },
);
